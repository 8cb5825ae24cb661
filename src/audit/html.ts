import { escapeLine } from '../findings/escape';
import type { EvidenceVote } from './trailers';
import type { CommitAudit } from './verify';

/** A commit of the report: its audit and what it changed, at the level of the data. */
export interface ReportEntry {
  audit: CommitAudit;
  changes: string[];
}

export interface ReportFrame {
  branch: string;
  from?: string;
  to?: string;
  /** When the report was made (ISO), for the archive. */
  createdAt: string;
  offlineOnly: boolean;
}

/**
 * The audit as one self-contained HTML page an auditor can archive: no external request (styles
 * inline, no scripts, no images), printable, headings in order and tables with captions and
 * header cells. Every text from the repository is escaped.
 */
export function auditHtml(entries: readonly ReportEntry[], frame: ReportFrame): string {
  const failed = entries.filter((e) => e.audit.findings.length > 0);
  const period = frame.from || frame.to ? `${frame.from ?? 'Anfang'} bis ${frame.to ?? 'heute'}` : 'gesamte Historie';
  const body = [
    '<main>',
    '<h1>Prüfbericht: Freigaben in der Governance-Historie</h1>',
    `<p>Zweig <code>${esc(frame.branch)}</code>, Zeitraum ${esc(period)}, erstellt am ${esc(frame.createdAt)} mit <code>verbund audit</code>.</p>`,
    frame.offlineOnly ? '<p>Nur offline geprüft: die Reviews selbst wurden nicht bei GitHub abgeglichen.</p>' : '',
    '<h2>Ergebnis</h2>',
    `<p>${entries.length} Änderungen geprüft, <strong>${failed.length} ohne gültigen Nachweis</strong>.</p>`,
    '<h2>Befunde</h2>',
    failed.length === 0 ? '<p>Keine: jede Änderung trägt einen gültigen Nachweis ihrer Freigabe.</p>' : findingsTable(failed),
    '<h2>Änderungen</h2>',
    ...entries.map(section),
    '</main>',
  ];
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Prüfbericht ${esc(frame.branch)} (${esc(period)})</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; line-height: 1.4; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; }
.fehlt { color: #8b0000; }
code { font-family: ui-monospace, monospace; }
section { break-inside: avoid; }
@media print { body { margin: 0; } a { color: inherit; } }
</style>
</head>
<body>
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
}

function findingsTable(failed: readonly ReportEntry[]): string {
  const rows = failed.flatMap((e) =>
    e.audit.findings.map((f) => `<tr><td>${esc(day(e))}</td><td><code>${esc(e.audit.commit.sha.slice(0, 12))}</code></td><td>${esc(f)}</td></tr>`),
  );
  return `<table>\n<caption>Änderungen ohne gültigen Nachweis</caption>\n<thead><tr><th scope="col">Datum</th><th scope="col">Commit</th><th scope="col">Befund</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function section(e: ReportEntry): string {
  const a = e.audit;
  const evidence = a.evidence;
  const title = `${day(e)} · ${a.commit.sha.slice(0, 12)} · ${evidence ? `${evidence.repo}#${evidence.pullRequest}` : 'ohne Pull Request'}`;
  const lines = [`<section>`, `<h3>${esc(title)}</h3>`];
  lines.push(a.findings.length === 0 ? '<p>Belegt.</p>' : `<p class="fehlt">Nicht belegt: ${a.findings.map(esc).join(' ')}</p>`);
  if (evidence) {
    lines.push(
      `<p>Regeln: ${esc(evidence.rules.join(', ') || 'keine')}${evidence.resolution ? `; Beschluss: ${esc(evidence.resolution)}` : ''}; entschieden ${esc(evidence.decidedAt)}.</p>`,
    );
    lines.push(votesTable(evidence.votes));
  }
  if (e.changes.length > 0) lines.push(`<ul>\n${e.changes.map((c) => `<li>${esc(c)}</li>`).join('\n')}\n</ul>`);
  lines.push('</section>');
  return lines.join('\n');
}

function votesTable(votes: readonly EvidenceVote[]): string {
  if (votes.length === 0) return '<p>Keine Stimmen im Nachweis.</p>';
  const rows = votes.map(
    (v) =>
      `<tr><td>${esc(v.login)} (${v.userId})</td><td>${esc(v.role)}</td><td>${esc(v.member ?? '')}</td><td>${v.reviewId}</td><td>${esc(v.submittedAt)}</td><td>${esc(v.delegation ? `${v.delegation.von} → ${v.delegation.an}, ${v.delegation.ab} bis ${v.delegation.bis ?? 'offen'}` : '')}</td></tr>`,
  );
  return `<table>\n<caption>Freigaben</caption>\n<thead><tr><th scope="col">Person</th><th scope="col">Rolle</th><th scope="col">Mitglied</th><th scope="col">Review</th><th scope="col">Zeit</th><th scope="col">Delegation</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function day(e: ReportEntry): string {
  return e.audit.commit.committed.slice(0, 10);
}

/** Control characters shown as escapes (as in the text output), then HTML's own characters. */
function esc(text: string): string {
  return escapeLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
