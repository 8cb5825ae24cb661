import type { Delegation, Mitglied } from './types';
import { bekannt } from './types';

/** GitHub logins are case-insensitive: compare them only through this key. */
export function loginKey(login: string): string {
  return login.toLowerCase();
}

/** The HVB's login as written in the member's file, if it is on record (the HVB is optional). */
function hvbGithub(member: Mitglied): string | undefined {
  return bekannt(member.hvb?.github);
}

/** The HVB's login if it is on record. */
export function hvbLogin(member: Mitglied): string | undefined {
  const github = hvbGithub(member);
  return github === undefined ? undefined : loginKey(github);
}

function inOffice(period: { von: string; bis?: string } | undefined, date: string): boolean {
  return !period || (period.von <= date && (period.bis === undefined || date <= period.bis));
}

/**
 * Why a delegation grants nothing, or undefined if it is sound: its `von` must be the HVB, or
 * hold a delegation of its own whose period covers this one. The general deputy approves
 * only within such a recorded delegation (DESIGN: Approvals).
 */
export function delegationProblem(member: Mitglied, index: number): string | undefined {
  const delegations = member.delegationen ?? [];
  const d = delegations[index]!;
  const hvbRecorded = hvbGithub(member);
  const hvb = hvbRecorded === undefined ? undefined : loginKey(hvbRecorded);
  if (hvb !== undefined && loginKey(d.von) === hvb) return undefined;
  const sources = delegations.filter((other, i) => i !== index && loginKey(other.an) === loginKey(d.von));
  if (sources.length === 0) {
    return hvbRecorded === undefined
      ? `Die GitHub-Kennung der HVB ist nicht erfasst; daher kann niemand wirksam übertragen, auch „${d.von}“ nicht.`
      : `„${d.von}“ darf für „${member.id}“ nicht freigeben und kann daher nichts übertragen; übertragen kann die HVB („${hvbRecorded}“) oder wer selbst eine Delegation erhalten hat.`;
  }
  if (!sources.some((s) => covers(s, d))) {
    return `Die Delegation an „${d.an}“ (${d.gueltig.von} bis ${d.gueltig.bis}) reicht über die Delegation an „${d.von}“ hinaus, aus der sie stammt.`;
  }
  return undefined;
}

function covers(outer: Delegation, inner: Delegation): boolean {
  return outer.gueltig.von <= inner.gueltig.von && inner.gueltig.bis <= outer.gueltig.bis;
}

/**
 * Who may approve for a member on a date (login keys): the HVB in office, and every holder
 * of a sound delegation that is in force that day and stems from someone who may approve.
 */
export function approversOn(member: Mitglied, date: string): Set<string> {
  const approvers = new Set<string>();
  const hvb = hvbLogin(member);
  if (hvb !== undefined && inOffice(member.hvb?.gueltig, date)) approvers.add(hvb);
  const delegations = (member.delegationen ?? []).filter((d, i) => inOffice(d.gueltig, date) && delegationProblem(member, i) === undefined);
  for (let added = true; added;) {
    added = false;
    for (const d of delegations) {
      if (approvers.has(loginKey(d.von)) && !approvers.has(loginKey(d.an))) {
        approvers.add(loginKey(d.an));
        added = true;
      }
    }
  }
  return approvers;
}
