import { escapeLine } from '../findings/escape';
import type { CommitAudit } from './verify';

/** The audit as German text: one line per commit (date, commit, pull request, result), its findings below. */
export function auditText(audits: readonly CommitAudit[], offlineOnly: boolean): string {
  const lines: string[] = [];
  for (const a of audits) {
    const pr = a.evidence ? `${a.evidence.repo}#${a.evidence.pullRequest}` : 'kein Pull Request';
    const approvers = a.evidence ? a.evidence.votes.map((v) => `${v.login}${v.member ? ` (${v.member})` : ''}`).join(', ') : '';
    const head = `${a.commit.committed.slice(0, 10)}  ${a.commit.sha.slice(0, 12)}  ${pr}  ${a.findings.length === 0 ? 'belegt' : 'NICHT BELEGT'}`;
    lines.push(head + (a.findings.length === 0 && approvers ? `: Regeln ${a.evidence!.rules.join(', ') || 'keine'}; freigegeben von ${approvers}` : ''));
    for (const f of a.findings) lines.push(`    ${f}`);
  }
  const failed = audits.filter((a) => a.findings.length > 0).length;
  lines.push('', `${audits.length} Commits geprüft, ${failed} ohne gültigen Nachweis.`);
  if (offlineOnly) lines.push('Nur offline geprüft: die Reviews selbst wurden nicht bei GitHub abgeglichen (dafür --repo und GITHUB_TOKEN).');
  return lines.map(escapeLine).join('\n') + '\n';
}

/** The audit as JSON (stable field names; additive only). */
export function auditJson(audits: readonly CommitAudit[], offlineOnly: boolean): object {
  return {
    ok: audits.every((a) => a.findings.length === 0),
    offlineOnly,
    commits: audits.map((a) => ({
      sha: a.commit.sha,
      committed: a.commit.committed,
      ...(a.evidence ? { pullRequest: `${a.evidence.repo}#${a.evidence.pullRequest}`, rules: a.evidence.rules, approvers: a.evidence.votes } : {}),
      ok: a.findings.length === 0,
      findings: a.findings,
    })),
  };
}
