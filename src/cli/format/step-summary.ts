import type { CheckResult } from '../../check/check';

/**
 * The Markdown that GitHub Actions shows on the run's summary page: the verdict, the
 * overview of the Verbund, and the errors as a table (warnings counted per rule).
 */
export function formatStepSummary(result: CheckResult): string {
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  const { summary } = result;
  const out = [
    `## Prüfung der Governance-Daten: ${result.ok ? '✅ in Ordnung' : '❌ nicht in Ordnung'}`,
    '',
    `${result.files} Dateien · ${summary.members} Mitglieder · ${summary.dimensions} Dimensionen · ${summary.goals} Ziele · ${summary.milestones} Meilensteine · ${summary.bodies} Gremien · ${summary.openValues} offene Werte`,
    '',
    `**${errors.length} Fehler, ${warnings.length} Warnungen, ${result.acknowledged.length} anerkannte Ausnahmen**`,
    '',
  ];
  if (errors.length > 0) {
    out.push('| Datei | Zeile | Regel | Befund |', '|---|---|---|---|');
    for (const f of errors) out.push(`| \`${f.file}\` | ${f.line}:${f.column} | \`${f.rule}\` | ${cell(f.message)} |`);
    out.push('');
  }
  const byRule = new Map<string, number>();
  for (const w of warnings) byRule.set(w.rule, (byRule.get(w.rule) ?? 0) + 1);
  if (byRule.size > 0) out.push(`Warnungen: ${[...byRule].map(([rule, n]) => `\`${rule}\` ${n}`).join(', ')}`, '');
  for (const a of result.acknowledged) {
    out.push(`Anerkannte Ausnahme \`${a.rule}\` zu \`${a.subject ?? ''}\`: ${cell(a.exception.begruendung)} (entschieden von ${a.exception.entschiedenVon} am ${a.exception.entschiedenAm})`, '');
  }
  return out.join('\n');
}

/** Markdown table cells: no pipes or line breaks, no HTML from the data. */
function cell(text: string): string {
  return text.replace(/[|\\]/g, (c) => `\\${c}`).replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}
