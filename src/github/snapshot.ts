// Reads from GitHub what the approval check decides on (src/approvals/snapshot.ts): the pull
// request, the head commit's tree, every changed file and every review (all pages), the tree
// of each reviewed commit and the members of the teams the rules name. What is gone (a deleted
// commit, a team the token cannot see) is left out, so the evaluation fails closed on it;
// every other failure, after the client's retries, is a GithubReadError.
import type { GithubUser, Review, ReviewState, Snapshot } from '../approvals/snapshot';
import type { Octokit } from './client';
import { answeredStatus, failureReason, GithubReadError, isRateLimited } from './errors';

export { GithubReadError } from './errors';

export interface SnapshotRequest {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The teams the rules name, as "org/slug". */
  teams: string[];
}

const STATES: ReadonlySet<string> = new Set<ReviewState>(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']);

export async function fetchSnapshot(octokit: Octokit, request: SnapshotRequest): Promise<Snapshot> {
  const { owner, repo, pullNumber } = request;
  const pr = `Pull Request #${pullNumber}`;
  const pull = await read(`${pr} in ${owner}/${repo} konnte nicht gelesen werden`, () => octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber }));
  const headSha = pull.data.head.sha;
  const [headTree, files, reviews, teams] = await Promise.all([
    read(`Der Head-Commit ${short(headSha)} von ${pr} konnte nicht gelesen werden`, () => treeOf(octokit, owner, repo, headSha)),
    read(`Die geänderten Dateien von ${pr} konnten nicht gelesen werden`, () =>
      octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 }),
    ),
    read(`Die Reviews von ${pr} konnten nicht gelesen werden`, () =>
      octokit.paginate(octokit.rest.pulls.listReviews, { owner, repo, pull_number: pullNumber, per_page: 100 }),
    ),
    readTeams(octokit, [...new Set(request.teams)]),
  ]);
  // GitHub lists at most 3000 files of a pull request: an unseen file could need another rule.
  if (files.length < pull.data.changed_files) {
    throw new GithubReadError(
      `${pr} ändert ${pull.data.changed_files} Dateien, GitHub hat aber nur ${files.length} davon geliefert (höchstens 3000); ` +
        'die Freigabe kann nicht geprüft werden. Bitte die Änderung aufteilen.',
    );
  }
  const mapped = mapReviews(reviews, pr);
  return {
    repo: `${owner}/${repo}`,
    pullRequest: pullNumber,
    author: userOf(pull.data.user),
    body: pull.data.body ?? '',
    base: { sha: pull.data.base.sha },
    head: { sha: headSha, tree: headTree },
    files: [...new Set(files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename])))],
    createdOrDeleted: [
      ...new Set(
        files.flatMap((f) =>
          f.status === 'added' || f.status === 'removed' || f.status === 'copied'
            ? [f.filename]
            : f.status === 'renamed'
              ? [f.filename, ...(f.previous_filename ? [f.previous_filename] : [])]
              : [],
        ),
      ),
    ],
    reviews: mapped,
    trees: await readTrees(octokit, owner, repo, mapped, { [headSha]: headTree }),
    teams,
  };
}

/** Every submitted review of a pull request (all pages), for the audit's cross-check of the evidence. */
export async function fetchReviews(octokit: Octokit, request: Omit<SnapshotRequest, 'teams'>): Promise<Review[]> {
  const { owner, repo, pullNumber } = request;
  const pr = `Pull Request #${pullNumber}`;
  const reviews = await read(`Die Reviews von ${pr} konnten nicht gelesen werden`, () =>
    octokit.paginate(octokit.rest.pulls.listReviews, { owner, repo, pull_number: pullNumber, per_page: 100 }),
  );
  return mapReviews(reviews, pr);
}

type ListedReview = { id: number; user: { id: number; login: string } | null; state: string; submitted_at?: string; commit_id: string | null };

/**
 * Reviews of deleted accounts (no user) and pending ones (not submitted, seen only by their
 * author) are left out; a review without a commit keeps an empty one, so that it can still
 * withdraw an approval but never counts as one.
 */
function mapReviews(reviews: ListedReview[], pr: string): Review[] {
  const mapped: Review[] = [];
  for (const review of reviews) {
    if (!review.user || review.state === 'PENDING') continue;
    if (!STATES.has(review.state) || !review.submitted_at) {
      throw new GithubReadError(`Review ${review.id} von ${pr} hat einen unbekannten Zustand (${review.state}) oder keinen Zeitpunkt.`);
    }
    mapped.push({
      id: review.id,
      user: userOf(review.user),
      state: review.state as ReviewState,
      submittedAt: review.submitted_at,
      commitId: review.commit_id ?? '',
    });
  }
  return mapped;
}

/** The tree of every distinct reviewed commit; a commit GitHub no longer has (404) is left out. */
async function readTrees(octokit: Octokit, owner: string, repo: string, reviews: Review[], known: Record<string, string>): Promise<Record<string, string>> {
  const shas = [...new Set(reviews.map((r) => r.commitId).filter((sha) => sha !== '' && !(sha in known)))];
  const trees = await Promise.all(
    shas.map((sha) =>
      read(`Der begutachtete Commit ${short(sha)} konnte nicht gelesen werden`, async () => {
        try {
          return await treeOf(octokit, owner, repo, sha);
        } catch (error) {
          if (answeredStatus(error) === 404 || answeredStatus(error) === 422) return undefined;
          throw error;
        }
      }),
    ),
  );
  return { ...Object.fromEntries(shas.flatMap((sha, i) => (trees[i] === undefined ? [] : [[sha, trees[i]]]))), ...known };
}

/**
 * Members of each "org/slug". A team that does not exist or that the token may not read is a
 * read error (exit 2, "nicht prüfbar"): the rules name it, so without it nothing can be decided.
 */
async function readTeams(octokit: Octokit, teams: string[]): Promise<Record<string, GithubUser[]>> {
  const members = await Promise.all(
    teams.map((team) => {
      const [org, slug, ...rest] = team.split('/');
      if (!org || !slug || rest.length) return undefined;
      return read(`Die Mitglieder des Teams ${team} konnten nicht gelesen werden`, async () => {
        try {
          return await octokit.paginate(octokit.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
        } catch (error) {
          const status = answeredStatus(error);
          if (status === 404 || (status === 403 && !isRateLimited(error))) {
            const why = status === 404 ? 'gibt es nicht oder ist für dieses Token unsichtbar' : 'darf dieses Token nicht lesen';
            throw new GithubReadError(
              `Die Mitglieder des Teams ${team} konnten nicht gelesen werden: das Team ${why} (HTTP ${status}; ein Token mit Leserecht auf Organisationsmitglieder nötig, oder die Gruppe mit kennungen beschreiben)`,
              status,
            );
          }
          throw error;
        }
      });
    }),
  );
  return Object.fromEntries(teams.flatMap((team, i) => (members[i] ? [[team, members[i].filter((m) => m !== null).map(userOf)]] : [])));
}

/** The tree of a commit as GitHub holds it; undefined when GitHub does not know the commit (404). */
export async function fetchCommitTree(octokit: Octokit, repo: { owner: string; repo: string }, sha: string): Promise<string | undefined> {
  try {
    return await read(`Commit ${sha.slice(0, 12)} konnte nicht gelesen werden`, () => treeOf(octokit, repo.owner, repo.repo, sha));
  } catch (error) {
    if (error instanceof GithubReadError && error.status === 404) return undefined;
    throw error;
  }
}

async function treeOf(octokit: Octokit, owner: string, repo: string, sha: string): Promise<string> {
  const { data } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
  return data.tree.sha;
}

async function read<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GithubReadError) throw error;
    throw new GithubReadError(`${what} (${failureReason(error)}).`, answeredStatus(error));
  }
}

function userOf(user: { id: number; login: string }): GithubUser {
  return { id: user.id, login: user.login };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
