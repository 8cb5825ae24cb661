import type { CheckResult } from '../../check/check';

/** The machine-readable result of DESIGN.md's contract (plus the acknowledged exceptions). */
export function formatJson(result: CheckResult): string {
  const { ok, files, summary, findings, acknowledged } = result;
  return JSON.stringify({ ok, files, summary, findings, acknowledged }, null, 2) + '\n';
}
