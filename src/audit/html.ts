import { escapeHtml } from '../findings/escape';
import { berlinDay } from '../approvals/berlin';
import { list, page, table } from './html-page';
import { START_OF_HISTORY, totals, type ReportEntry } from './report';
import type { Evidence } from './trailers';

export interface ReportFrame {
  branch: string;
  from?: string;
  to?: string;
  /** When the report was made (ISO), for the archive. */
  createdAt: string;
  offlineOnly: boolean;
  /** With a period: the result of the whole branch, which the exit code follows. */
  branchTotals?: string;
}

/**
 * The audit as one self-contained HTML page an auditor can archive: headings in order, tables
 * with captions and header cells, every change with its evidence and its data changes, every
 * finding. Every text from the repository is escaped.
 */
export function auditHtml(entries: readonly ReportEntry[], frame: ReportFrame): string {
  const failed = entries.filter((e) => e.audit.findings.length > 0);
  const period = frame.from || frame.to ? `${frame.from ?? 'Anfang'} bis ${frame.to ?? 'heute'}` : 'gesamte Historie';
  return page(`Prüfbericht ${frame.branch} (${period})`, [
    '<h1>Prüfbericht: Freigaben in der Governance-Historie</h1>',
    `<p>Zweig <code>${escapeHtml(frame.branch)}</code>, Zeitraum ${escapeHtml(period)}, erstellt am ${escapeHtml(frame.createdAt)} mit <code>verbund audit</code>.</p>`,
    frame.offlineOnly ? '<p>Nur offline geprüft: die Reviews selbst wurden nicht bei GitHub abgeglichen.</p>' : '',
    '<h2>Ergebnis</h2>',
    `<p><strong>${escapeHtml(totals(entries.map((e) => e.audit)))}</strong>.</p>`,
    frame.branchTotals ? `<p>Auf dem ganzen Zweig: ${escapeHtml(frame.branchTotals)}.</p>` : '',
    '<h2>Befunde</h2>',
    failed.length === 0
      ? '<p>Keine: jede Änderung trägt einen gültigen Nachweis ihrer Freigabe.</p>'
      : table(
          'Änderungen ohne gültigen Nachweis',
          ['Datum', 'Commit', 'Befund'],
          failed.flatMap((e) => e.audit.findings.map((f) => [day(e), e.audit.commit.sha.slice(0, 12), f])),
        ),
    '<h2>Änderungen</h2>',
    ...entries.map(section),
  ]);
}

function section(e: ReportEntry): string {
  const a = e.audit;
  const evidence = a.evidence;
  const title = `${day(e)} · ${a.commit.sha.slice(0, 12)} · ${a.start ? 'Anfang der Historie' : evidence ? `${evidence.repo}#${evidence.pullRequest}` : 'ohne Pull Request'}`;
  const lines = ['<section>', `<h3>${escapeHtml(title)}</h3>`];
  if (a.start) lines.push(`<p>${escapeHtml(START_OF_HISTORY)}</p>`);
  else lines.push(a.findings.length === 0 ? '<p>Belegt.</p>' : `<p class="fehlt">Nicht belegt: ${a.findings.map((f) => escapeHtml(f)).join(' ')}</p>`);
  if (evidence) lines.push(evidenceHtml(evidence));
  if (e.changes && e.changes.length > 0) lines.push('<h4>Änderungen an den Daten</h4>', list(e.changes));
  lines.push('</section>');
  return lines.filter(Boolean).join('\n');
}

/** The record's facts: rules, resolution, commits, the files it rests on, and the votes. */
function evidenceHtml(evidence: Evidence): string {
  const facts = [
    `Regeln: ${evidence.rules.join(', ') || 'keine'}`,
    ...(evidence.resolution ? [`Beschluss: ${evidence.resolution}`] : []),
    `Autor: ${evidence.author.login} (${evidence.author.id}); entschieden ${evidence.decidedAt} (${evidence.tool})`,
    `Basis ${evidence.base}, freigegebener Kopf ${evidence.head}, Baum ${evidence.headTree}`,
    `Regeln und Identitäten: ${evidence.basis.map((b) => `${b.path} (sha256 ${b.sha256.slice(0, 12)})`).join(', ')}`,
  ];
  const votes =
    evidence.votes.length === 0
      ? '<p>Keine Stimmen im Nachweis.</p>'
      : table(
          'Freigaben',
          ['Person', 'Rolle', 'Mitglied', 'Anforderung', 'Review', 'Zeit', 'Delegation'],
          evidence.votes.map((v) => [
            `${v.login} (${v.userId})`,
            v.role,
            v.member ?? '',
            v.requirement,
            String(v.reviewId),
            v.submittedAt,
            v.delegation ? `${v.delegation.von} → ${v.delegation.an}, ${v.delegation.ab} bis ${v.delegation.bis ?? 'offen'}` : '',
          ]),
        );
  return `<h4>Nachweis</h4>\n${list(facts)}\n${votes}`;
}

function day(e: ReportEntry): string {
  return berlinDay(e.audit.commit.committed);
}
