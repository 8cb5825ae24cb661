import type { CheckResult } from '../../check/check';
import type { Finding } from '../../check/finding';

const SEVERITY = { error: 'Fehler', warning: 'Warnung' } as const;
/** Rules with more warnings than this are summarised unless --verbose. */
const GROUP_ABOVE = 5;
const GROUP_SHOW = 3;

/** Human-readable German report: findings, acknowledged exceptions, overview of the Verbund. */
export function formatText(result: CheckResult, { verbose = false, title = 'Verbund' } = {}): string {
  const out: string[] = [`${title} – Prüfung von ${result.files} Governance-Dateien`, ''];
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  if (errors.length > 0) out.push('Fehler:', ...errors.map(line), '');
  if (warnings.length > 0) out.push('Warnungen:', ...warningLines(warnings, verbose), '');
  if (result.acknowledged.length > 0) {
    out.push('Anerkannte Ausnahmen:');
    for (const a of result.acknowledged) {
      out.push(`${a.file}:${a.line}:${a.column}  Hinweis  [${a.rule}] ${a.message}`);
      out.push(`    Ausnahme (${a.exception.file}:${a.exception.line}), entschieden von ${a.exception.entschiedenVon} am ${a.exception.entschiedenAm}: ${a.exception.begruendung}`);
    }
    out.push('');
  }
  out.push(...overview(result), '');
  out.push(verdict(result, errors.length, warnings.length));
  return out.join('\n') + '\n';
}

function line(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}  ${SEVERITY[f.severity]}  [${f.rule}] ${f.message}`;
}

function warningLines(warnings: Finding[], verbose: boolean): string[] {
  if (verbose) return warnings.map(line);
  const byRule = new Map<string, Finding[]>();
  for (const w of warnings) byRule.set(w.rule, [...(byRule.get(w.rule) ?? []), w]);
  return [...byRule].flatMap(([rule, list]) =>
    list.length <= GROUP_ABOVE
      ? list.map(line)
      : [...list.slice(0, GROUP_SHOW).map(line), `  … und ${list.length - GROUP_SHOW} weitere Warnungen [${rule}] (alle zeigen: --verbose)`],
  );
}

function overview({ summary }: CheckResult): string[] {
  const byStatus = Object.entries(summary.milestonesByStatus)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const incomplete = summary.unloadedFiles > 0 ? [`  Unvollständig: ${summary.unloadedFiles} Datei(en) mit Fehlern sind in den Zahlen nicht enthalten.`] : [];
  return [
    'Übersicht:',
    ...incomplete,
    `  Mitglieder:   ${summary.members}`,
    `  Dimensionen:  ${summary.dimensions}`,
    `  Ziele:        ${summary.goals}`,
    `  Meilensteine: ${summary.milestones}${byStatus ? ` (${byStatus})` : ''}`,
    `  Gremien:      ${summary.bodies}`,
    `  Offene Werte: ${summary.openValues}`,
  ];
}

function verdict(result: CheckResult, errors: number, warnings: number): string {
  const counts = `${errors} Fehler, ${warnings} ${warnings === 1 ? 'Warnung' : 'Warnungen'}, ${result.acknowledged.length} anerkannte ${result.acknowledged.length === 1 ? 'Ausnahme' : 'Ausnahmen'}`;
  return result.ok ? `Ergebnis: in Ordnung (${counts}).` : `Ergebnis: nicht in Ordnung (${counts}).`;
}
