import type { CheckResult } from '../../check/check';
import { escapeMarkdown } from '../../findings/escape';

/**
 * The Markdown that GitHub Actions shows on the run's summary page: the verdict, the
 * overview of the Verbund, and the errors as a table (warnings counted per rule). Every
 * file name and message is escaped: data cannot inject Markdown or HTML.
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
    `**${result.totals.errors} Fehler, ${result.totals.warnings} Warnungen, ${result.acknowledged.length} anerkannte Ausnahmen**`,
    '',
  ];
  if (errors.length > 0) {
    out.push('| Datei | Zeile | Regel | Befund |', '|---|---|---|---|');
    for (const f of errors) out.push(`| ${escapeMarkdown(f.file)} | ${f.line}:${f.column} | ${escapeMarkdown(f.rule)} | ${escapeMarkdown(f.message)} |`);
    out.push('');
  }
  if (result.truncated) out.push(`Gezeigt werden ${result.truncated.shown} von ${result.truncated.total} Befunden.`, '');
  const byRule = new Map<string, number>();
  for (const w of warnings) byRule.set(w.rule, (byRule.get(w.rule) ?? 0) + 1);
  if (byRule.size > 0) out.push(`Warnungen: ${[...byRule].map(([rule, n]) => `${escapeMarkdown(rule)} ${n}`).join(', ')}`, '');
  for (const a of result.acknowledged) {
    const exception = a.exception;
    out.push(
      `Anerkannte Ausnahme ${escapeMarkdown(a.rule)} zu ${escapeMarkdown(a.key.subject)}: ${escapeMarkdown(exception.begruendung)} (Grundlage: ${escapeMarkdown(exception.grundlage.entscheidung)}, ${escapeMarkdown(exception.grundlage.datum)})`,
      '',
    );
  }
  return out.join('\n');
}
