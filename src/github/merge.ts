// The GitHub side of `verbund merge`: what the pull request is (title, base branch, state),
// where its base branch stands now, and the merge itself, pinned to the approved head commit.
import type { Octokit } from './client';
import { answeredStatus, failureReason, GithubError, GithubReadError, GithubWriteError } from './errors';

export interface PullFacts {
  title: string;
  state: string;
  merged: boolean;
  baseRef: string;
  headSha: string;
  /** The commit GitHub merged it as (merge or squash commit), once merged. */
  mergeCommitSha?: string;
}

export interface PullRef {
  owner: string;
  repo: string;
  pullNumber: number;
}

export async function pullFacts(octokit: Octokit, pr: PullRef): Promise<PullFacts> {
  try {
    const { data } = await octokit.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.pullNumber });
    return {
      title: data.title,
      state: data.state,
      merged: data.merged,
      baseRef: data.base.ref,
      headSha: data.head.sha,
      ...(data.merge_commit_sha ? { mergeCommitSha: data.merge_commit_sha } : {}),
    };
  } catch (error) {
    throw new GithubReadError(`Pull Request #${pr.pullNumber} konnte nicht gelesen werden (${failureReason(error)})`, answeredStatus(error));
  }
}

/** The commit the branch points to now. */
export async function branchTip(octokit: Octokit, pr: PullRef, branch: string): Promise<string> {
  try {
    const { data } = await octokit.rest.git.getRef({ owner: pr.owner, repo: pr.repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    throw new GithubReadError(`Der Zweig „${branch}“ konnte nicht gelesen werden (${failureReason(error)})`, answeredStatus(error));
  }
}

/**
 * How many commits of `base` the `head` lacks (GitHub's compare base...head): 0 when the head
 * contains the base, so that the merged tree is the approved tree.
 */
export async function commitsBehind(octokit: Octokit, pr: PullRef, base: string, head: string): Promise<number> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: pr.owner, repo: pr.repo, basehead: `${base}...${head}`, per_page: 1 });
    return data.behind_by;
  } catch (error) {
    throw new GithubReadError(
      `Der Vergleich von ${base.slice(0, 12)} mit ${head.slice(0, 12)} ist nicht lesbar (${failureReason(error)})`,
      answeredStatus(error),
    );
  }
}

/**
 * The check run the pull-request workflow leaves on the head commit (job "Prüfung" of
 * .github/workflows/check.yml: schema, rules, leitlinie-fassung against the base branch).
 * verbund merge requires it itself: the ruleset's exception that lets the merge workflow update
 * main would also let it past the ruleset's required checks.
 */
export const REQUIRED_CHECK = 'Prüfung';

/** How the latest run of a check on a commit ended: 'success', another conclusion, 'läuft noch' or 'fehlt'. */
export async function checkOutcome(octokit: Octokit, pr: PullRef, sha: string, name: string): Promise<string> {
  try {
    const { data } = await octokit.rest.checks.listForRef({ owner: pr.owner, repo: pr.repo, ref: sha, check_name: name, filter: 'latest', per_page: 100 });
    const run = data.check_runs.find((r) => r.name === name && r.head_sha === sha);
    if (!run) return 'fehlt';
    return run.status === 'completed' ? (run.conclusion ?? 'ohne Ergebnis') : 'läuft noch';
  } catch (error) {
    throw new GithubReadError(`Die Check-Runs von Commit ${sha.slice(0, 12)} sind nicht lesbar (${failureReason(error)})`, answeredStatus(error));
  }
}

export interface MergeRequest extends PullRef {
  /** The head commit the approvals were given on: GitHub refuses the merge if the branch has moved since. */
  sha: string;
  method: 'merge' | 'squash';
  title: string;
  message: string;
}

/** Merges; the sha of the new commit on the base branch. A refusal (not mergeable, head moved) is a GithubWriteError with the reason. */
export async function mergePull(octokit: Octokit, request: MergeRequest): Promise<string> {
  try {
    const { data } = await octokit.rest.pulls.merge({
      owner: request.owner,
      repo: request.repo,
      pull_number: request.pullNumber,
      sha: request.sha,
      merge_method: request.method,
      commit_title: request.title,
      commit_message: request.message,
    });
    return data.sha;
  } catch (error) {
    const status = answeredStatus(error);
    const reason =
      status === 409
        ? 'HTTP 409: der Pull Request hat inzwischen einen neuen Commit; die Freigaben galten dem alten'
        : status === 405
          ? 'HTTP 405: GitHub lässt den Merge nicht zu (Konflikte, fehlende Pflichtprüfungen oder Zweigschutz)'
          : failureReason(error);
    throw new GithubWriteError(`Pull Request #${request.pullNumber} wurde nicht gemergt (${reason})`, status);
  }
}

export { GithubError };
