import { spawnSync } from 'node:child_process';
import { gitEnv, GitSourceError, readBlobBatch } from '../source/git-source';

/** One commit of the main branch's first-parent chain, with what it changed against its first parent. */
export interface HistoryCommit {
  sha: string;
  tree: string;
  parents: string[];
  /** When it reached the branch (committer date, ISO 8601 with offset). */
  committed: string;
  message: string;
  changes: Change[];
}

export interface Change {
  /** A added, M modified, D deleted, R renamed, C copied, T type changed. */
  status: string;
  path: string;
  /** For R and C: where it came from. */
  oldPath?: string;
  oldBlob: string;
  newBlob: string;
}

export class HistoryError extends Error {}

const RECORD = '\x1e';
const NULL_BLOB = /^0+$/;

/**
 * The first-parent chain of `rev`, oldest first, read in one pass: a single `git log` with a
 * fixed format and the raw diff of each commit against its first parent (renames detected), so
 * that the audit never starts one process per commit.
 */
export function readHistory(root: string, rev: string): HistoryCommit[] {
  const tip = wholeHistoryOf(root, rev);
  const run = spawnSync('git', historyLogArgs(tip), { cwd: root, maxBuffer: 1024 * 1024 * 1024, env: gitEnv() });
  if (run.status !== 0)
    throw new HistoryError(
      `Die Historie von „${rev}“ in ${root} ist nicht lesbar: ${
        run.stderr
          .toString('utf8')
          .trim()
          .replace(/\s*\n\s*/g, '; ') || `git endete mit ${run.status}`
      }`,
    );
  return parseLog(run.stdout.toString('utf8')).reverse();
}

/**
 * The commit `rev` names, when the repository holds its whole history: an audit of a shallow
 * clone or of a range would judge its first commit as the start of the history, so both are
 * refused (fail closed). One `git rev-parse` answers both questions.
 */
function wholeHistoryOf(root: string, rev: string): string {
  if (rev.startsWith('-')) throw new HistoryError(`„${rev}“ ist keine gültige Revision.`);
  const run = spawnSync('git', ['rev-parse', '--is-shallow-repository', '--verify', '--quiet', `${rev}^{commit}`], {
    cwd: root,
    encoding: 'utf8',
    env: gitEnv(),
  });
  const [shallow, sha] = run.stdout.trim().split('\n');
  if (shallow === undefined || shallow === '')
    throw new HistoryError(
      `${root} ist kein Git-Repository (oder git ist nicht lesbar): ${run.stderr.trim().replace(/\s*\n\s*/g, '; ') || `git endete mit ${run.status}`}`,
    );
  if (run.status !== 0 || !sha || !/^[0-9a-f]{40,64}$/.test(sha))
    throw new HistoryError(
      `„${rev}“ ist in ${root} kein Commit (ein Zweig ohne Commits, ein Tippfehler oder ein Bereich wie A..B; erwartet wird eine Revision).`,
    );
  if (shallow === 'true')
    throw new HistoryError(`${root} ist ein flacher Klon: ohne die ganze Historie lässt sich nichts nachprüfen (bitte git fetch --unshallow).`);
  return sha;
}

/** The arguments of the one `git log` the audit reads the history with (the benchmark's floor runs the same). */
export function historyLogArgs(rev: string): string[] {
  return [
    '-c',
    'core.quotePath=false',
    'log',
    '--first-parent',
    '-z',
    '--no-abbrev',
    '--raw',
    '-M',
    '--diff-merges=first-parent',
    '--root',
    `--format=${RECORD}%H%x00%T%x00%P%x00%cI%x00%B%x00`,
    '--end-of-options',
    rev,
  ];
}

/** The first-parent chain of `rev` as commit and committer date only, oldest first: one light `git log` (for --as-of). */
export function readChain(root: string, rev: string): { sha: string; committed: string }[] {
  const tip = wholeHistoryOf(root, rev);
  const run = spawnSync('git', ['log', '--first-parent', '--format=%H %cI', '--end-of-options', tip], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: gitEnv(),
  });
  if (run.status !== 0)
    throw new HistoryError(
      `Die Historie von „${rev}“ in ${root} ist nicht lesbar: ${
        run.stderr
          .toString()
          .trim()
          .replace(/\s*\n\s*/g, '; ') || `git endete mit ${run.status}`
      }`,
    );
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha, committed] = line.split(' ');
      return { sha: sha!, committed: committed! };
    })
    .reverse();
}

/** The message of one commit. */
export function readMessage(root: string, sha: string): string {
  const run = spawnSync('git', ['log', '-1', '--format=%B', sha], { cwd: root, encoding: 'utf8', env: gitEnv() });
  return run.status === 0 ? run.stdout : '';
}

/** Parses the log field by field (a message may hold any character but NUL, so nothing is split on a marker inside it). */
function parseLog(text: string): HistoryCommit[] {
  const commits: HistoryCommit[] = [];
  let at = 0;
  const field = (): string => {
    const end = text.indexOf('\0', at);
    if (end === -1) throw new HistoryError('Die Ausgabe von git log ist unvollständig.');
    const value = text.slice(at, end);
    at = end + 1;
    return value;
  };
  while (at < text.length) {
    if (text[at] !== RECORD) throw new HistoryError(`Unerwartete Ausgabe von git log an Stelle ${at}.`);
    at++;
    const [sha, tree, parents, committed, message] = [field(), field(), field(), field(), field()];
    const changes: Change[] = [];
    while (at < text.length && (text[at] === '\0' || text[at] === '\n')) at++;
    while (text[at] === ':') {
      const [, , oldBlob, newBlob, status] = field().slice(1).split(' ');
      const first = field();
      const renamed = status!.startsWith('R') || status!.startsWith('C');
      const second = renamed ? field() : undefined;
      changes.push({ status: status![0]!, path: second ?? first, ...(renamed ? { oldPath: first } : {}), oldBlob: oldBlob!, newBlob: newBlob! });
      while (at < text.length && text[at] === '\n') at++;
    }
    commits.push({ sha: sha!, tree: tree!, parents: parents ? parents.split(' ') : [], committed: committed!, message: message!, changes });
  }
  return commits;
}

/** The tree of each commit asked for that the repository holds (one `git cat-file --batch`); a missing one is left out. */
export function readCommitTrees(root: string, shas: Iterable<string>): Map<string, string> {
  const wanted = [...new Set(shas)].filter((sha) => /^[0-9a-f]{40,64}$/.test(sha));
  const objects = readObjects(root, wanted, 'Commits der Historie sind nicht lesbar.');
  const trees = new Map<string, string>();
  for (const [sha, bytes] of objects) {
    const tree = /^tree ([0-9a-f]{40,64})\n/.exec(bytes.subarray(0, 80).toString('latin1'));
    if (tree) trees.set(sha, tree[1]!);
  }
  return trees;
}

/** The contents of many blobs (the same one-process reader as GitSource): by blob id; a missing one is an error. */
export function readBlobs(root: string, ids: Iterable<string>): Map<string, Buffer> {
  const wanted = [...new Set(ids)].filter((id) => !NULL_BLOB.test(id));
  const blobs = readObjects(root, wanted, 'Dateiinhalte der Historie sind nicht lesbar.');
  const missing = wanted.find((id) => !blobs.has(id));
  if (missing) throw new HistoryError(`Der Inhalt ${missing} fehlt im Repository (flacher Klon? bitte git fetch --unshallow).`);
  return blobs;
}

/** Objects by id through GitSource's one-process reader; git failing is a HistoryError. */
function readObjects(root: string, ids: readonly string[], failure: string): Map<string, Buffer> {
  try {
    return readBlobBatch(root, ids, failure);
  } catch (error) {
    if (error instanceof GitSourceError) throw new HistoryError(error.message);
    throw error;
  }
}
