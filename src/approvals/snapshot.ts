/**
 * What the approval check knows of a pull request: everything it decides on, read once from
 * GitHub (or from a saved file) so that the decision is a pure function of it. Governance
 * (identities, delegations, rules) is not part of it: that is read from the base commit.
 */
export interface GithubUser {
  /** The numeric user id: stays with the person when the login is renamed. */
  id: number;
  login: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface Review {
  id: number;
  user: GithubUser;
  state: ReviewState;
  /** ISO 8601 time of submission (UTC). */
  submittedAt: string;
  /** The commit the review was given on. */
  commitId: string;
}

export interface Snapshot {
  /** OWNER/NAME */
  repo: string;
  pullRequest: number;
  author: GithubUser;
  /** The pull request's description: where a resolution (Beschluss) reference stands. */
  body: string;
  base: { sha: string };
  head: { sha: string; tree: string };
  /** Every changed path (renamed files with their old path too). */
  files: string[];
  /**
   * The paths among `files` that the pull request creates or deletes (a rename deletes its old
   * path and creates its new one). A member's own-file rule covers edits only: who adds or
   * removes a member decides more than that member's HVB can.
   */
  createdOrDeleted?: string[];
  reviews: Review[];
  /** The tree of every reviewed commit, by commit sha: an approval counts only on the head's tree. */
  trees: Record<string, string>;
  /** Members of the GitHub teams the rules name ("org/slug"); a team missing here could not be read. */
  teams: Record<string, GithubUser[]>;
}
