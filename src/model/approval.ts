import { reachableFrom } from './graph';
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
  const sources = indexOf(delegations).received.get(loginKey(d.von));
  // The delegation itself is no source of its own (it is one only if it names the same login twice).
  const count = (sources?.order.length ?? 0) - (loginKey(d.an) === loginKey(d.von) ? 1 : 0);
  if (count === 0) {
    return hvbRecorded === undefined
      ? `Die GitHub-Kennung der HVB ist nicht erfasst; daher kann niemand wirksam übertragen, auch „${d.von}“ nicht.`
      : `„${d.von}“ darf für „${member.id}“ nicht freigeben und kann daher nichts übertragen; übertragen kann die HVB („${hvbRecorded}“) oder wer selbst eine Delegation erhalten hat.`;
  }
  if (!coveredBySource(delegations, sources!, index)) {
    return `Die Delegation an „${d.an}“ (${d.gueltig.von} bis ${d.gueltig.bis}) reicht über die Delegation an „${d.von}“ hinaus, aus der sie stammt.`;
  }
  return undefined;
}

/**
 * Who may approve for a member on a date (login keys): the HVB in office, and every holder
 * of a sound delegation that is in force that day and stems from someone who may approve.
 * Breadth-first from the HVB along those delegations: linear in their number.
 */
export function approversOn(member: Mitglied, date: string): Set<string> {
  const hvb = hvbLogin(member);
  if (hvb === undefined || !inOffice(member.hvb?.gueltig, date)) return new Set();
  const edges: (readonly [string, string])[] = [];
  (member.delegationen ?? []).forEach((d, i) => {
    if (inOffice(d.gueltig, date) && delegationProblem(member, i) === undefined) edges.push([loginKey(d.von), loginKey(d.an)]);
  });
  return reachableFrom(hvb, edges);
}

/**
 * The delegations one login received, for the question "does one of them cover this period":
 * their positions ordered by start, and for each prefix of that order the two positions with
 * the latest end (two, so that a delegation can be left out of its own sources).
 */
interface Received {
  order: number[];
  latest: number[];
  runnerUp: (number | undefined)[];
}

interface DelegationIndex {
  /** By login key of `an`. */
  received: Map<string, Received>;
}

/** Built once per list of delegations (the model is read-only), so that checking all of them stays O(n log n). */
const indexes = new WeakMap<readonly Delegation[], { length: number; index: DelegationIndex }>();

function indexOf(delegations: readonly Delegation[]): DelegationIndex {
  const cached = indexes.get(delegations);
  if (cached && cached.length === delegations.length) return cached.index;
  const groups = new Map<string, number[]>();
  delegations.forEach((d, i) => {
    const key = loginKey(d.an);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const received = new Map<string, Received>();
  for (const [key, order] of groups) {
    order.sort((a, b) => compareText(delegations[a]!.gueltig.von, delegations[b]!.gueltig.von) || a - b);
    const latest: number[] = [];
    const runnerUp: (number | undefined)[] = [];
    let best: number | undefined;
    let second: number | undefined;
    for (const i of order) {
      const end = delegations[i]!.gueltig.bis;
      if (best === undefined || end > delegations[best]!.gueltig.bis) {
        second = best;
        best = i;
      } else if (second === undefined || end > delegations[second]!.gueltig.bis) {
        second = i;
      }
      latest.push(best);
      runnerUp.push(second);
    }
    received.set(key, { order, latest, runnerUp });
  }
  const index = { received };
  indexes.set(delegations, { length: delegations.length, index });
  return index;
}

/** Whether some delegation received by `von` other than the one at `index` covers its period. */
function coveredBySource(delegations: readonly Delegation[], sources: Received, index: number): boolean {
  const inner = delegations[index]!.gueltig;
  // The last source (in start order) that starts no later than this delegation.
  let low = 0;
  let high = sources.order.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (delegations[sources.order[mid]!]!.gueltig.von <= inner.von) low = mid + 1;
    else high = mid;
  }
  if (low === 0) return false;
  const best = sources.latest[low - 1]!;
  const outer = best === index ? sources.runnerUp[low - 1] : best;
  return outer !== undefined && inner.bis <= delegations[outer]!.gueltig.bis;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
