import { berlinDay } from '../approvals/berlin';
import { isBasisFile } from '../approvals/base-governance';
import type { Decision } from '../approvals/decision';
import { evaluate, type BaseGovernance } from '../approvals/evaluate';
import type { GithubUser, Review, Snapshot } from '../approvals/snapshot';
import { governanceAt } from '../gate/governance-at';
import { bekannt } from '../model/types';
import type { ParseCache } from '../load/load';
import type { Validators } from '../schema/validators';
import { TreeSource } from '../source/tree-source';
import type { HistoryCommit } from './history';
import { parseEvidence } from './read-evidence';
import { decisionRules, evidenceVotes, voteKey, type Evidence } from './trailers';

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
export function auditHistory(
  commits: readonly HistoryCommit[],
  blobs: ReadonlyMap<string, Buffer>,
  commitTrees: ReadonlyMap<string, string>,
  validators: Validators,
): CommitAudit[] {
  const state = new Map<string, string>(); // path → blob id, the tree after the previous commit
  const governanceCache = new Map<string, ReturnType<typeof governanceAt>>();
  const parseCache: ParseCache = new Map(); // each distinct file content parsed once, by blob id
  const result: CommitAudit[] = [];
  const mergedAs = new Map<string, string>(); // pull request → the commit that merged it
  let basisKey = '';
  commits.forEach((commit, i) => {
    const parent = commits[i - 1];
    if (!parent) result.push({ commit, findings: [], start: true });
    else {
      const audit = auditCommit(commit, parent, { files: state, basisKey }, { blobs, commitTrees }, { validators, parseCache }, governanceCache);
      const pr = audit.evidence ? `${audit.evidence.repo}#${audit.evidence.pullRequest}` : undefined;
      if (pr && mergedAs.has(pr))
        audit.findings.push(`${pr} wurde schon mit Commit ${short(mergedAs.get(pr))} gemergt; ein Nachweis gilt für genau einen Merge.`);
      else if (pr) mergedAs.set(pr, commit.sha);
      result.push(audit);
    }
    for (const change of commit.changes) {
      if (change.oldPath) state.delete(change.oldPath);
      if (change.status === 'D') state.delete(change.path);
      else if (isGovernancePath(change.path)) state.set(change.path, change.newBlob);
    }
    // Recomputed only when a rule or identity file changed or a file came or went: most commits
    // only edit a goal, which changes neither.
    if (i === 0 || commit.changes.some((c) => c.status !== 'M' || isBasisFile(c.path))) basisKey = keyOfBasis(state);
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
  /** The blob ids of its rule and identity files and the names of all others: what a decision rests on (see keyOfBasis). */
  basisKey: string;
}

/**
 * What a decision's governance depends on: the content of each rule and identity file, and which
 * other files exist – the integrity rules whose errors block a decision also resolve what those
 * files refer to (a member's services, a body's goals) by the ids the other files hold, and a
 * file's name carries its id (dateiname-passt-zur-id).
 */
function keyOfBasis(files: ReadonlyMap<string, string>): string {
  return [...files]
    .map(([path, blob]) => (isBasisFile(path) ? `${blob} ${path}` : path))
    .sort()
    .join('\n');
}

/** What the repository holds: file contents by blob id, and the tree of each commit the records name (where it is here). */
interface Objects {
  blobs: ReadonlyMap<string, Buffer>;
  commitTrees: ReadonlyMap<string, string>;
}

const parsedEvidence = new WeakMap<HistoryCommit, ReturnType<typeof parseEvidence>>();

/** A commit's record, read once however often it is asked for. */
function evidenceOf(commit: HistoryCommit): ReturnType<typeof parseEvidence> {
  if (!parsedEvidence.has(commit)) parsedEvidence.set(commit, parseEvidence(commit.message));
  return parsedEvidence.get(commit);
}

/** The commits a history's records name (approved heads, reviewed commits): their trees are read in one batch. */
export function recordedCommits(commits: readonly HistoryCommit[]): string[] {
  return commits.flatMap((c) => {
    const parsed = evidenceOf(c);
    return parsed && 'evidence' in parsed ? [parsed.evidence.head, ...parsed.evidence.votes.map((v) => v.commitId)] : [];
  });
}

function auditCommit(
  commit: HistoryCommit,
  parent: HistoryCommit,
  state: State,
  objects: Objects,
  loading: Loading,
  cache: Map<string, ReturnType<typeof governanceAt>>,
): CommitAudit {
  const parsed = evidenceOf(commit);
  if (parsed === undefined) return { commit, findings: ['Kein Nachweis einer Freigabe im Commit (direkt gepusht oder ohne verbund merge gemergt).'] };
  if ('problem' in parsed) return { commit, findings: [parsed.problem] };
  const evidence = parsed.evidence;
  const findings: string[] = [];
  if (evidence.base !== parent.sha)
    findings.push(
      `Die Freigabe wurde gegen ${short(evidence.base)} entschieden, der Commit folgt aber auf ${short(parent.sha)}: die Regeln des tatsächlichen Basis-Commits wurden nicht angewandt.`,
    );
  if (evidence.headTree !== commit.tree)
    findings.push(`Der gemergte Stand (Baum ${short(commit.tree)}) ist nicht der freigegebene (Baum ${short(evidence.headTree)}).`);
  findings.push(...headFindings(commit, evidence, objects.commitTrees));
  const day = berlinDay(commit.committed);
  const governance = governanceOf(state, objects.blobs, parent.sha, day, loading, cache);
  if ('blocker' in governance) {
    findings.push(`Die Governance-Daten des Basis-Commits ${short(parent.sha)} tragen keine Freigabe (${governance.blocker}).`);
    return { commit, evidence, findings };
  }
  findings.push(...basisFindings(evidence.basis, governance.governance.basis, parent.sha));
  const decision = evaluate(snapshotOf(commit, evidence, governance.governance, objects.commitTrees), governance.governance, commit.committed);
  for (const r of decision.requirements.filter((x) => !x.met)) {
    findings.push(
      `Anforderung „${r.description}“ (Regel ${r.rules.join(', ')}) ist nicht erfüllt: ${r.approved} von ${r.needed} gültigen Freigaben am ${day}.`,
    );
  }
  if (decision.resolution && !decision.resolution.found) findings.push(`Beschluss fehlt oder ist ungültig: ${decision.resolution.problem ?? ''}`);
  if (!decision.ok) findings.push(...decision.notes);
  findings.push(...recordFindings(evidence, decision));
  return { commit, evidence, findings };
}

/**
 * Where the repository holds the approved head: a merge commit's second parent must be it, and
 * its tree the one the record names (a squash merge's head may be gone from the clone; then the
 * merged tree, compared above, is what the approvals were given on).
 */
function headFindings(commit: HistoryCommit, evidence: Evidence, trees: ReadonlyMap<string, string>): string[] {
  const findings: string[] = [];
  const merged = commit.parents[1];
  if (merged !== undefined && merged !== evidence.head)
    findings.push(`Gemergt wurde Commit ${short(merged)}, freigegeben war der Kopf-Commit ${short(evidence.head)}.`);
  const tree = trees.get(evidence.head);
  if (tree !== undefined && tree !== evidence.headTree)
    findings.push(`Der Kopf-Commit ${short(evidence.head)} hat den Baum ${short(tree)}, der Nachweis nennt ${short(evidence.headTree)}.`);
  return findings;
}

/**
 * What the record says beyond who voted – the rules, each vote's requirement, member, role and
 * delegation, the resolution – must be what the recomputed decision says: the reports show these
 * values, so a record that claims otherwise is a finding, not a label.
 */
function recordFindings(evidence: Evidence, decision: Decision): string[] {
  const findings: string[] = [];
  const rules = decisionRules(decision);
  if (rules.join(',') !== [...evidence.rules].sort().join(','))
    findings.push(`Der Nachweis nennt die Regeln ${evidence.rules.join(', ') || 'keine'}, nachgerechnet gelten ${rules.join(', ') || 'keine'}.`);
  const left = evidenceVotes(decision).map(voteKey);
  for (const v of evidence.votes) {
    const at = left.indexOf(voteKey(v));
    if (at >= 0) left.splice(at, 1);
    else
      findings.push(
        `Die Stimme von ${v.login} (Review ${v.reviewId}) steht im Nachweis als ${v.role}${v.member ? ` für ${v.member}` : ''} zu „${v.requirement}“; so zählt sie nachgerechnet nicht.`,
      );
  }
  if (left.length > 0) findings.push(`Der Nachweis lässt ${left.length} Stimme(n) aus, die nachgerechnet zählen.`);
  if (evidence.resolution !== undefined && !decision.resolution)
    findings.push(`Der Nachweis nennt den Beschluss „${evidence.resolution}“, den keine Regel verlangt.`);
  return findings;
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
function snapshotOf(commit: HistoryCommit, evidence: Evidence, governance: BaseGovernance, commitTrees: ReadonlyMap<string, string>): Snapshot {
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
    // A review counts for the tree of the commit it was given on, as the repository holds it. A
    // commit the clone lacks (a squash merge's branch, deleted; a commit amended away) stands for
    // the approved tree, as verbund merge found it: offline that cannot be shown otherwise, and
    // --repo asks GitHub for its tree (crossCheckTrees).
    trees: Object.fromEntries(evidence.votes.map((v) => [v.commitId, commitTrees.get(v.commitId) ?? evidence.headTree])),
    teams,
  };
}

function short(sha: string | undefined): string {
  return (sha ?? '—').slice(0, 12);
}
