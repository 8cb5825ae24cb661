import type { Review } from '../approvals/snapshot';
import type { Evidence } from './trailers';

/**
 * Compares the votes a commit's evidence records with the reviews GitHub reports for its pull
 * request: each vote must be a review GitHub knows, by the same person (numeric id), an
 * approval, on the same commit, at the same time. A finding per difference, in German.
 */
export function crossCheck(evidence: Evidence, reviews: readonly Review[]): string[] {
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
  }
  return findings;
}
