import type { CheckResult } from '../../check/check';
import type { Finding } from '../../check/finding';

/**
 * GitHub Actions workflow commands, so that findings show inline on the pull request's diff.
 * Errors come first: GitHub shows only the first few annotations of each kind per step.
 */
export function formatGithub(result: CheckResult): string {
  const order = { error: 0, warning: 1 } as const;
  const findings = [...result.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  const lines = findings.map((f) => command(f.severity, f, f.message));
  for (const a of result.acknowledged) {
    lines.push(command('notice', a, `Anerkannte Ausnahme: ${a.message} – ${a.exception.begruendung} (entschieden von ${a.exception.entschiedenVon} am ${a.exception.entschiedenAm})`));
  }
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const errors = result.findings.length - warnings;
  const acknowledged = result.acknowledged.length;
  lines.push(`verbund check: ${errors} Fehler, ${warnings} ${warnings === 1 ? 'Warnung' : 'Warnungen'}, ${acknowledged} anerkannte ${acknowledged === 1 ? 'Ausnahme' : 'Ausnahmen'} in ${result.files} Dateien.`);
  return lines.join('\n') + '\n';
}

function command(kind: 'error' | 'warning' | 'notice', f: Finding, message: string): string {
  const props = `file=${property(f.file)},line=${f.line},col=${f.column},title=${property(f.rule)}`;
  return `::${kind} ${props}::${data(message)}`;
}

/** Escaping as in @actions/core's command.ts. */
function data(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(value: string): string {
  return data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
