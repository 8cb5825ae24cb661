import type { CheckResult } from '../../check/check';

/** The machine-readable result (schema: schemas/output/check.schema.json). */
export function formatJson(result: CheckResult): string {
  const { ok, files, summary, totals, truncated, findings, acknowledged } = result;
  return JSON.stringify({ ok, files, summary, totals, ...(truncated ? { truncated } : {}), findings, acknowledged }, null, 2) + '\n';
}
