import type { CheckResult } from '../../check/check';
import { escapeCommandData, escapeCommandProperty, escapeLine } from '../../findings/escape';
import type { Finding } from '../../findings/finding';

/**
 * GitHub Actions workflow commands, so that findings show inline on the pull request's diff.
 * Errors come first: GitHub shows only the first few annotations of each kind per step.
 */
export function formatGithub(result: CheckResult): string {
  const order = { error: 0, warning: 1 } as const;
  const findings = [...result.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  const lines = findings.map((f) => command(f.severity, f, f.message));
  for (const a of result.acknowledged) {
    lines.push(
      command(
        'notice',
        a,
        `Anerkannte Ausnahme: ${a.message} – ${a.exception.begruendung} (Grundlage: ${a.exception.grundlage.entscheidung}, ${a.exception.grundlage.datum})`,
      ),
    );
  }
  const { errors, warnings } = result.totals;
  const acknowledged = result.acknowledged.length;
  lines.push(
    `verbund check: ${errors} Fehler, ${warnings} ${warnings === 1 ? 'Warnung' : 'Warnungen'}, ${acknowledged} anerkannte ${acknowledged === 1 ? 'Ausnahme' : 'Ausnahmen'} in ${result.files} Dateien.`,
  );
  return lines.join('\n') + '\n';
}

function command(kind: 'error' | 'warning' | 'notice', f: Finding, message: string): string {
  const props = `file=${property(f.file)},line=${f.line},col=${f.column},title=${property(f.rule)}`;
  return `::${kind} ${props}::${escapeCommandData(escapeLine(message))}`;
}

const property = escapeCommandProperty;
