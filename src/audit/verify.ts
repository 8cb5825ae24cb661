import { berlinDay } from '../approvals/berlin';
import { isBasisFile } from '../approvals/base-governance';
import { evaluate, type BaseGovernance } from '../approvals/evaluate';
import type { GithubUser, Review, Snapshot } from '../approvals/snapshot';
import { governanceAt } from '../gate/governance-at';
import { bekannt } from '../model/types';
import type { ParseCache } from '../load/load';
import type { Validators } from '../schema/validators';
import { TreeSource } from '../source/tree-source';
import type { HistoryCommit } from './history';
import { parseEvidence, type Evidence } from './trailers';

/** What the audit found for one commit of the main branch. */
export interface CommitAudit {
  commit: HistoryCommit;
  evidence?: Evidence;
  /** German findings; none: the commit carries valid evidence. */
  findings: string[];
  /** The first commit of the history: it has no parent whose rules could have judged it, so it is listed, not judged. */
  start?: true;
}

/** The files of the repository the governance is read from (the rest of a commit is not data). */
export function isGovernancePath(path: string): boolean {
  return path.startsWith('governance/') || path.startsWith('policies/') || path.startsWith('stacks/');
}

/**
 * Re-verifies every first-parent commit offline: loads the governance and the approval rules as
 * they were in its parent (the base the pull request was judged against), rebuilds from the
 * trailers who approved, recomputes the decision with the approvals capability on the day the
 * commit reached the branch, and compares. Missing evidence (a direct push), a merged tree other
 * than the approved one, another base, other rules or identities than the record names, a
 * requirement not met (an approver not entitled that day, a forged vote), a missing resolution:
 * each is a finding with the commit. The first commit of the history has no parent to judge by:
 * it is listed as the start.
 */
export function auditHistory(commits: readonly HistoryCommit[], blobs: ReadonlyMap<string, Buffer>, validators: Validators): CommitAudit[] {
  const state = new Map<string, string>(); // path → blob id, the tree after the previous commit
  const governanceCache = new Map<string, ReturnType<typeof governanceAt>>();
  const parseCache: ParseCache = new Map(); // each distinct file content parsed once, by blob id
  const result: CommitAudit[] = [];
  let basisKey = '';
  commits.forEach((commit, i) => {
    const parent = commits[i - 1];
    result.push(
      parent
        ? auditCommit(commit, parent, { files: state, basisKey }, blobs, { validators, parseCache }, governanceCache)
        : { commit, findings: [], start: true },
    );
    for (const change of commit.changes) {
      if (change.oldPath) state.delete(change.oldPath);
      if (change.status === 'D') state.delete(change.path);
      else if (isGovernancePath(change.path)) state.set(change.path, change.newBlob);
    }
    // Recomputed only when a rule or identity file changed: most commits change neither.
    if (i === 0 || commit.changes.some((c) => isBasisFile(c.path) || (c.oldPath !== undefined && isBasisFile(c.oldPath)))) basisKey = keyOfBasis(state);
  });
  return result;
}

/** How states are loaded: the validators, and the parse cache shared by all of them. */
interface Loading {
  validators: Validators;
  parseCache: ParseCache;
}

interface State {
  files: ReadonlyMap<string, string>;
  /** The blob ids of its rule and identity files: what a decision rests on. */
  basisKey: string;
}

function keyOfBasis(files: ReadonlyMap<string, string>): string {
  return [...files]
    .filter(([path]) => isBasisFile(path))
    .map(([path, blob]) => `${blob} ${path}`)
    .sort()
    .join('\n');
}

function auditCommit(
  commit: HistoryCommit,
  parent: HistoryCommit,
  state: State,
  blobs: ReadonlyMap<string, Buffer>,
  loading: Loading,
  cache: Map<string, ReturnType<typeof governanceAt>>,
): CommitAudit {
  const parsed = parseEvidence(commit.message);
  if (parsed === undefined) return { commit, findings: ['Kein Nachweis einer Freigabe im Commit (direkt gepusht oder ohne verbund merge gemergt).'] };
  if ('problem' in parsed) return { commit, findings: [parsed.problem] };
  const evidence = parsed.evidence;
  const findings: string[] = [];
  if (commit.parents[0] !== parent.sha)
    findings.push(`Der erste Eltern-Commit ${short(commit.parents[0])} ist nicht der vorige Commit des Zweigs ${short(parent.sha)}.`);
  if (evidence.base !== parent.sha)
    findings.push(
      `Die Freigabe wurde gegen ${short(evidence.base)} entschieden, der Commit folgt aber auf ${short(parent.sha)}: die Regeln des tatsächlichen Basis-Commits wurden nicht angewandt.`,
    );
  if (evidence.headTree !== commit.tree)
    findings.push(`Der gemergte Stand (Baum ${short(commit.tree)}) ist nicht der freigegebene (Baum ${short(evidence.headTree)}).`);
  const day = berlinDay(commit.committed);
  const governance = governanceOf(state, blobs, parent.sha, day, loading, cache);
  if ('blocker' in governance) {
    findings.push(`Die Governance-Daten des Basis-Commits ${short(parent.sha)} tragen keine Freigabe (${governance.blocker}).`);
    return { commit, evidence, findings };
  }
  findings.push(...basisFindings(evidence.basis, governance.governance.basis, parent.sha));
  const decision = evaluate(snapshotOf(commit, evidence, governance.governance), governance.governance, commit.committed);
  for (const r of decision.requirements.filter((x) => !x.met)) {
    findings.push(
      `Anforderung „${r.description}“ (Regel ${r.rules.join(', ')}) ist nicht erfüllt: ${r.approved} von ${r.needed} gültigen Freigaben am ${day}.`,
    );
  }
  if (decision.resolution && !decision.resolution.found) findings.push(`Beschluss fehlt oder ist ungültig: ${decision.resolution.problem ?? ''}`);
  if (!decision.ok) findings.push(...decision.notes);
  return { commit, evidence, findings };
}

/** Each rule or identity file whose content in the record is not the one of the base commit, by name. */
function basisFindings(recorded: Evidence['basis'], actual: readonly { path: string; sha256: string }[], base: string): string[] {
  const inRecord = new Map(recorded.map((f) => [f.path, f.sha256]));
  const inBase = new Map(actual.map((f) => [f.path, f.sha256]));
  const paths = [...new Set([...inRecord.keys(), ...inBase.keys()])].sort();
  return paths.flatMap((path) => {
    const was = inRecord.get(path);
    const is = inBase.get(path);
    if (was === is) return [];
    const what =
      was === undefined
        ? 'fehlt im Nachweis'
        : is === undefined
          ? 'gibt es im Basis-Commit nicht'
          : `hat im Nachweis sha256 ${was.slice(0, 12)}, im Basis-Commit ${is.slice(0, 12)}`;
    return [`Die Regel- oder Identitätsdatei ${path} ${what}: der Nachweis beruft sich nicht auf die Regeln und Identitäten des Basis-Commits ${short(base)}.`];
  });
}

/**
 * The governance of a state, loaded and checked once per state of its rule and identity files:
 * what a decision rests on is those files (their digest is in the record), and the rules whose
 * errors block a decision (approvalBlocker) read no date; the day enters only the evaluation.
 * Checked with the first such commit's state; an error elsewhere cannot block (see approvalBlocker).
 */
function governanceOf(
  state: State,
  blobs: ReadonlyMap<string, Buffer>,
  sha: string,
  day: string,
  loading: Loading,
  cache: Map<string, ReturnType<typeof governanceAt>>,
): ReturnType<typeof governanceAt> {
  let found = cache.get(state.basisKey);
  if (!found) {
    const files = new Map([...state.files].map(([path, blob]) => [path, blobs.get(blob) ?? Buffer.alloc(0)]));
    found = governanceAt(new TreeSource(`Commit ${short(sha)}`, files, state.files), { ...loading, today: day });
    cache.set(state.basisKey, found);
  }
  return found;
}

/** What the pull request was, as far as the commit and its trailers tell: its changes, author, votes and resolution. */
function snapshotOf(commit: HistoryCommit, evidence: Evidence, governance: BaseGovernance): Snapshot {
  const files = new Set<string>();
  const createdOrDeleted = new Set<string>();
  for (const c of commit.changes) {
    files.add(c.path);
    if (c.oldPath) files.add(c.oldPath);
    if (c.status === 'A' || c.status === 'D') createdOrDeleted.add(c.path);
    if (c.status === 'R') createdOrDeleted.add(c.path).add(c.oldPath!);
  }
  const reviews: Review[] = evidence.votes.map((v) => ({
    id: v.reviewId,
    user: { id: v.userId, login: v.login },
    state: 'APPROVED',
    submittedAt: v.submittedAt,
    commitId: v.commitId,
  }));
  // Offline, a group's members are who voted for it: GitHub alone knows the team (cross-checked with --repo).
  const teams: Record<string, GithubUser[]> = {};
  for (const v of evidence.votes.filter((x) => x.requirement.startsWith('gruppe:'))) {
    const team = bekannt(governance.model.freigaberegeln?.gruppen?.[v.requirement.slice('gruppe:'.length)]?.team);
    if (team) (teams[team] ??= []).push({ id: v.userId, login: v.login });
  }
  return {
    repo: evidence.repo,
    pullRequest: evidence.pullRequest,
    author: evidence.author,
    body: evidence.resolution ? `Beschluss: ${evidence.resolution}` : '',
    base: { sha: evidence.base },
    head: { sha: evidence.head, tree: evidence.headTree },
    files: [...files].sort(),
    createdOrDeleted: [...createdOrDeleted].sort(),
    reviews,
    trees: Object.fromEntries(evidence.votes.map((v) => [v.commitId, evidence.headTree])),
    teams,
  };
}

function short(sha: string | undefined): string {
  return (sha ?? '—').slice(0, 12);
}
