import type { CheckResult } from '../../check/check';
import { escapeLine } from '../../findings/escape';
import type { Finding } from '../../findings/finding';

const SEVERITY = { error: 'Fehler', warning: 'Warnung' } as const;
/** Rules with more warnings than this are summarised unless --verbose. */
const GROUP_ABOVE = 5;
const GROUP_SHOW = 3;

/** Human-readable German report: findings, acknowledged exceptions, overview of the Verbund. */
export function formatText(result: CheckResult, { verbose = false, title = 'Verbund' } = {}): string {
  const out: string[] = [`${escapeLine(title)} – Prüfung von ${result.files} Governance-Dateien`, ''];
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  if (errors.length > 0) out.push('Fehler:', ...errors.map(line), '');
  if (warnings.length > 0) out.push('Warnungen:', ...warningLines(warnings, verbose), '');
  if (result.acknowledged.length > 0) {
    out.push('Anerkannte Ausnahmen:');
    for (const a of result.acknowledged) {
      out.push(`${escapeLine(a.file)}:${a.line}:${a.column}  Hinweis  [${a.rule}] ${escapeLine(a.message)}`);
      out.push(
        `    Ausnahme (${escapeLine(a.exception.file)}:${a.exception.line}), Grundlage: ${escapeLine(a.exception.grundlage.entscheidung)} (${a.exception.grundlage.datum}): ${escapeLine(a.exception.begruendung)}`,
      );
    }
    out.push('');
  }
  if (result.truncated)
    out.push(
      `… und ${result.truncated.total - result.truncated.shown} weitere Befunde (gezeigt: ${result.truncated.shown} von ${result.truncated.total}; alle Dateien einzeln prüfen oder Fehler zuerst beheben).`,
      '',
    );
  out.push(...overview(result), '');
  out.push(verdict(result, result.totals.errors, result.totals.warnings));
  return out.join('\n') + '\n';
}

function line(f: Finding): string {
  return `${escapeLine(f.file)}:${f.line}:${f.column}  ${SEVERITY[f.severity]}  [${f.rule}] ${escapeLine(f.message)}`;
}

function warningLines(warnings: Finding[], verbose: boolean): string[] {
  if (verbose) return warnings.map(line);
  const byRule = new Map<string, Finding[]>();
  for (const w of warnings) {
    const list = byRule.get(w.rule);
    if (list) list.push(w);
    else byRule.set(w.rule, [w]);
  }
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
  if (result.internalErrors > 0) return `Ergebnis: nicht vollständig geprüft – ${result.internalErrors} Regel(n) mit internem Fehler (${counts}).`;
  return result.ok ? `Ergebnis: in Ordnung (${counts}).` : `Ergebnis: nicht in Ordnung (${counts}).`;
}
