import type { Review } from '../approvals/snapshot';
import type { PullFacts } from '../github/merge';
import type { Evidence } from './trailers';

/**
 * Compares the votes a commit's evidence records with the reviews GitHub reports for its pull
 * request: each vote must be a review GitHub knows, by the same person (numeric id), an
 * approval, on the same commit, at the same time. A finding per difference, in German.
 */
export function crossCheck(evidence: Evidence, reviews: readonly Review[], mergedAt: string): string[] {
  const byId = new Map(reviews.map((r) => [r.id, r]));
  const findings: string[] = [];
  for (const vote of evidence.votes) {
    const review = byId.get(vote.reviewId);
    const who = `${vote.login} (${vote.userId})`;
    if (!review) {
      findings.push(`GitHub kennt das Review ${vote.reviewId} von ${who} im Pull Request #${evidence.pullRequest} nicht.`);
      continue;
    }
    if (review.user.id !== vote.userId)
      findings.push(`Das Review ${vote.reviewId} stammt laut GitHub von ${review.user.login} (${review.user.id}), nicht von ${who}.`);
    if (review.state !== 'APPROVED') findings.push(`Das Review ${vote.reviewId} von ${who} ist laut GitHub keine Zustimmung (${review.state}).`);
    if (review.commitId !== vote.commitId)
      findings.push(`Das Review ${vote.reviewId} von ${who} galt laut GitHub dem Commit ${review.commitId.slice(0, 12)}, nicht ${vote.commitId.slice(0, 12)}.`);
    if (Date.parse(review.submittedAt) !== Date.parse(vote.submittedAt))
      findings.push(`Das Review ${vote.reviewId} von ${who} wurde laut GitHub am ${review.submittedAt} abgegeben, nicht am ${vote.submittedAt}.`);
    // An approval withdrawn before the merge (changes requested afterwards) no longer stood.
    const withdrawn = reviews.find(
      (r) =>
        r.user.id === vote.userId &&
        r.state === 'CHANGES_REQUESTED' &&
        Date.parse(r.submittedAt) > Date.parse(vote.submittedAt) &&
        Date.parse(r.submittedAt) <= Date.parse(mergedAt),
    );
    if (withdrawn)
      findings.push(`${who} hat nach der Zustimmung laut GitHub Änderungen verlangt (Review ${withdrawn.id} am ${withdrawn.submittedAt}), vor dem Merge.`);
  }
  return findings;
}

/**
 * The pull request as GitHub knows it must be the one this commit merged: merged, as this very
 * commit, from the approved head. So a genuine record copied onto another commit is found.
 */
export function crossCheckPull(evidence: Evidence, commitSha: string, pull: PullFacts): string[] {
  const pr = `#${evidence.pullRequest}`;
  if (!pull.merged) return [`Pull Request ${pr} ist laut GitHub nicht gemergt (${pull.state}).`];
  const findings: string[] = [];
  if (pull.mergeCommitSha !== commitSha)
    findings.push(
      `Pull Request ${pr} wurde laut GitHub als ${(pull.mergeCommitSha ?? '—').slice(0, 12)} gemergt, nicht als dieser Commit ${commitSha.slice(0, 12)}.`,
    );
  if (pull.headSha !== evidence.head)
    findings.push(`Der Kopf-Commit von Pull Request ${pr} ist laut GitHub ${pull.headSha.slice(0, 12)}, der Nachweis nennt ${evidence.head.slice(0, 12)}.`);
  return findings;
}
