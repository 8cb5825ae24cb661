import type { Validators } from '../schema/validators';
import { readBlobs, readCommitTrees, readHistory, type HistoryCommit } from './history';
import { auditHistory, isGovernancePath, recordedCommits, type CommitAudit } from './verify';

/** A branch read and re-verified: its first-parent chain, the contents read, and each commit's audit. */
export interface AuditedBranch {
  commits: HistoryCommit[];
  blobs: Map<string, Buffer>;
  /** The tree of each commit the records name that the clone holds. */
  commitTrees: Map<string, string>;
  audits: CommitAudit[];
}

/**
 * Reads the branch in one pass (one git log, one cat-file batch for the governance contents and
 * one for the commits the records name) and re-verifies every commit. `moreBlobs` adds contents a
 * view needs besides (the old contents of one file, for --path).
 */
export function auditBranch(root: string, rev: string, validators: Validators, moreBlobs: (commits: HistoryCommit[]) => string[] = () => []): AuditedBranch {
  const commits = readHistory(root, rev);
  const blobs = readBlobs(root, [...commits.flatMap((c) => c.changes.filter((x) => isGovernancePath(x.path)).map((x) => x.newBlob)), ...moreBlobs(commits)]);
  const commitTrees = readCommitTrees(root, recordedCommits(commits));
  return { commits, blobs, commitTrees, audits: auditHistory(commits, blobs, commitTrees, validators) };
}
