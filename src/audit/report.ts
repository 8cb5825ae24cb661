import { berlinDay } from '../approvals/berlin';
import { escapeLine } from '../findings/escape';
import type { Evidence } from './trailers';
import type { CommitAudit } from './verify';

/** A commit of the report: its audit and, where asked for, what it changed at the level of the data. */
export interface ReportEntry {
  audit: CommitAudit;
  changes?: string[];
}

export const START_OF_HISTORY = 'Anfang der Historie: ohne Eltern-Commit, also ohne Regeln, nach denen er hätte freigegeben werden können; nicht geprüft.';

/** The audit as German text: one line per commit (date, commit, pull request, result), its findings below. */
export function auditText(audits: readonly CommitAudit[], offlineOnly: boolean): string {
  const lines: string[] = [];
  for (const a of audits) {
    const at = `${berlinDay(a.commit.committed)}  ${a.commit.sha.slice(0, 12)}`;
    if (a.start) {
      lines.push(`${at}  ${START_OF_HISTORY}`);
      continue;
    }
    const pr = a.evidence ? `${a.evidence.repo}#${a.evidence.pullRequest}` : 'kein Pull Request';
    // A person who counted for several requirements is named once.
    const approvers = a.evidence ? [...new Set(a.evidence.votes.map((v) => `${v.login}${v.member ? ` (${v.member})` : ''}`))].join(', ') : '';
    const head = `${at}  ${pr}  ${a.findings.length === 0 ? 'belegt' : 'NICHT BELEGT'}`;
    lines.push(head + (a.findings.length === 0 && approvers ? `: Regeln ${a.evidence!.rules.join(', ') || 'keine'}; freigegeben von ${approvers}` : ''));
    for (const f of a.findings) lines.push(`    ${f}`);
  }
  lines.push('', `${totals(audits)}.`);
  if (offlineOnly) lines.push('Nur offline geprüft: die Reviews selbst wurden nicht bei GitHub abgeglichen (dafür --repo und GITHUB_TOKEN).');
  return lines.map(escapeLine).join('\n') + '\n';
}

/** "3 Commits geprüft, 1 ohne gültigen Nachweis" (the start of the history is not a checked commit). */
export function totals(audits: readonly CommitAudit[]): string {
  const checked = audits.filter((a) => !a.start);
  return `${checked.length} Commits geprüft, ${checked.filter((a) => a.findings.length > 0).length} ohne gültigen Nachweis`;
}

/** The audit as JSON (stable field names; additive only; see schemas/output/audit.schema.json). */
export function auditJson(entries: readonly ReportEntry[], offlineOnly: boolean): object {
  return {
    ok: entries.every((e) => e.audit.findings.length === 0),
    offlineOnly,
    commits: entries.map(({ audit: a, changes }) => ({
      sha: a.commit.sha,
      committed: a.commit.committed,
      ...(a.start ? { start: true } : {}),
      ...(a.evidence ? evidenceJson(a.evidence) : {}),
      ok: a.findings.length === 0,
      findings: a.findings,
      ...(changes ? { changes } : {}),
    })),
  };
}

/** The decision record of a commit as JSON: what the trailers say, field by field. */
export function evidenceJson(e: Evidence): object {
  return {
    pullRequest: `${e.repo}#${e.pullRequest}`,
    author: e.author,
    base: e.base,
    head: e.head,
    headTree: e.headTree,
    basis: e.basis,
    rules: e.rules,
    approvers: e.votes,
    ...(e.resolution ? { resolution: e.resolution } : {}),
    decidedAt: e.decidedAt,
    tool: e.tool,
  };
}
