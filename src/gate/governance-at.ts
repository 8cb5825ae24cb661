import { RULES } from '../check/rules';
import { STAGE_RULES } from '../check/stage-rules';
import type { ParseCache } from '../load/load';
import { checkSource, type CheckResult } from '../pipeline';
import type { Validators } from '../schema/validators';
import { isFailure, type FileSource } from '../source/file-source';
import { baseGovernance, isBasisFile } from '../approvals/base-governance';
import type { BaseGovernance } from '../approvals/evaluate';

/** The rules whose errors make approval rules or identities untrustworthy. */
const IDENTITY_RULES = new Set([
  ...STAGE_RULES.map((r) => r.id),
  'ids-eindeutig',
  'referenz-aufloesbar',
  'mitglied-gelistet',
  'begriff-bekannt',
  'hvb-login-eindeutig',
  'delegation-gueltig',
  'freigaberegeln-gueltig',
]);

/** Only these run when a decision's governance is read: their errors are all that can block it (see approvalBlocker). */
const DECISION_RULES = RULES.filter((r) => IDENTITY_RULES.has(r.id));

/**
 * Why the base commit's governance cannot decide approvals, or undefined if it can. Fail
 * closed on what approvals rest on (a member file that did not load would silently shrink
 * "all HVB"); but an error elsewhere - a goal, or an HVB whose term has ended, which simply
 * makes that HVB unable to approve - must not lock every pull request, including the one
 * that fixes it.
 */
export function approvalBlocker(result: CheckResult): string | undefined {
  if (result.internalErrors > 0) return 'eine Prüfregel ist intern fehlgeschlagen';
  if (result.truncated) return `es gibt zu viele Befunde (${result.totals.errors} Fehler), um die Regeln und Identitäten sicher zu lesen`;
  const blocking = result.findings.filter((f) => f.severity === 'error' && IDENTITY_RULES.has(f.rule) && isBasisFile(f.file));
  if (blocking.length === 0) return undefined;
  const first = blocking[0]!;
  return `${blocking.length} Fehler in Freigaberegeln oder Identitäten, zuerst ${first.file}:${first.line}:${first.column} [${first.rule}]`;
}

/**
 * The governance a decision rests on, read from a commit (the pull request's base): loaded and
 * checked like any other, with the SHA-256 of every rule and identity file for the record; or,
 * failing closed, why it cannot decide (see approvalBlocker).
 */
export function governanceAt(
  source: FileSource,
  options: { validators: Validators; today: string; parseCache?: ParseCache },
): { governance: BaseGovernance } | { blocker: string } {
  // Other rules cannot block a decision, so they are not run: the audit reads this once per
  // state of the rule and identity files, and a history may have thousands of them.
  const result = checkSource(source, { ...options, rules: DECISION_RULES });
  const blocker = approvalBlocker(result);
  if (blocker) return { blocker };
  const read = (file: string) => {
    const bytes = source.read(file);
    return isFailure(bytes) ? undefined : bytes;
  };
  return { governance: baseGovernance(result.model, read) };
}
