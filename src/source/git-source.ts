import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { EntryType, FileSource, ReadFailure, SourceEntry } from './file-source';

/** Thrown when the revision cannot be read at all (not a repository, unknown revision). */
export class GitSourceError extends Error {}

/** Folders of the repository the tool reads; nothing else of the commit is fetched. */
const READ_PATHS = ['governance', 'policies', 'stacks'];

/** Blobs larger than this are not fetched (the loader reports them as too large by their size). */
const MAX_FETCH_BYTES = 1024 * 1024;

interface TreeEntry extends SourceEntry {
  sha: string;
}

/**
 * The governance files of one commit, read with git plumbing and no checkout: one
 * `git ls-tree` for the listing and one `git cat-file --batch` for every blob, however many
 * files there are.
 */
export class GitSource implements FileSource {
  readonly label: string;
  /** The full commit id the revision resolved to. */
  readonly commit: string;
  private readonly dirs = new Map<string, TreeEntry[]>();
  private readonly blobs = new Map<string, Buffer>();

  constructor(root: string, revision: string) {
    if (revision === '' || revision.startsWith('-')) throw new GitSourceError(`„${revision}“ ist keine gültige Revision.`);
    // --root may be a folder inside the repository: read the same folder of the commit.
    const [prefix, commit] = git(
      root,
      ['rev-parse', '--show-prefix', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`],
      `Die Revision „${revision}“ gibt es in ${root} nicht (oder es ist kein Git-Repository).`,
    )
      .toString('utf8')
      .split('\n');
    this.commit = commit!.trim();
    this.label = `${revision} (${this.commit.slice(0, 12)})`;
    const paths = READ_PATHS.map((name) => `${prefix}${name}`);
    const listing = git(
      root,
      ['ls-tree', '-r', '-t', '-l', '-z', '--full-tree', this.commit, '--', ...paths],
      `Der Commit ${this.commit} kann nicht gelesen werden.`,
    );
    this.index(listing.toString('utf8'), prefix!);
    this.fetchBlobs(root);
  }

  list(dir: string): SourceEntry[] | ReadFailure | undefined {
    const top = dir.split('/')[0]!;
    // A top-level folder committed as a link cannot be followed inside a commit.
    if (top !== '' && this.dirs.get('')?.find((e) => e.name === top)?.type === 'symlink') return { error: 'VERKNUEPFUNG' };
    return this.dirs.get(dir === '.' ? '' : dir);
  }

  entry(file: string): SourceEntry | ReadFailure | undefined {
    return this.dirs.get(path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file))?.find((e) => e.name === path.posix.basename(file));
  }

  read(file: string): Buffer | ReadFailure {
    const entry = this.entry(file);
    if (!entry || 'error' in entry) return { error: 'ENOENT' };
    return this.blobs.get((entry as TreeEntry).sha) ?? { error: 'EFBIG' };
  }

  /** Lines of `<mode> <type> <sha> <size>\t<path>`, NUL-terminated; paths relative to the root's folder. */
  private index(listing: string, prefix: string): void {
    this.dirs.set('', []);
    for (const record of listing.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab === -1 || !record.startsWith(prefix, tab + 1)) continue;
      const [mode, , sha, size] = record.slice(0, tab).split(/ +/);
      const file = record.slice(tab + 1 + prefix.length);
      const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
      const entry: TreeEntry = { name: path.posix.basename(file), type: entryType(mode!), sha: sha!, ...(size === '-' ? {} : { size: Number(size) }) };
      if (!this.dirs.has(dir)) this.dirs.set(dir, []);
      this.dirs.get(dir)!.push(entry);
      if (entry.type === 'directory' && !this.dirs.has(file)) this.dirs.set(file, []);
    }
  }

  private fetchBlobs(root: string): void {
    const wanted = [...this.dirs.values()].flat().filter((e) => e.type === 'file' && (e.size ?? 0) <= MAX_FETCH_BYTES);
    for (const [sha, bytes] of readBlobBatch(
      root,
      wanted.map((e) => e.sha),
      'Die Dateien des Commits können nicht gelesen werden.',
    ))
      this.blobs.set(sha, bytes);
  }
}

/**
 * The contents of many blobs through one `git cat-file --batch`, by blob id; a blob the
 * repository lacks (a shallow clone) is simply absent from the result.
 */
export function readBlobBatch(root: string, ids: readonly string[], failure: string): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (ids.length === 0) return blobs;
  const output = git(root, ['cat-file', '--batch'], failure, ids.join('\n') + '\n');
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    const [sha, type, size] = output.subarray(offset, newline).toString('utf8').split(' ');
    if (type === 'missing') {
      offset = newline + 1;
      continue;
    }
    const start = newline + 1;
    const end = start + Number(size);
    blobs.set(sha!, output.subarray(start, end));
    offset = end + 1;
  }
  return blobs;
}

function entryType(mode: string): EntryType {
  if (mode === '040000') return 'directory';
  if (mode === '120000') return 'symlink';
  if (mode === '100644' || mode === '100755') return 'file';
  return 'other';
}

/**
 * How verbund runs git: without prompts (CI never waits), in the C locale (messages stay
 * parseable), and on the objects as they are: replace refs and grafts, which make git show
 * another history or content than the commits hold, are ignored.
 */
export function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_NO_REPLACE_OBJECTS: '1', GIT_GRAFT_FILE: '/nonexistent/verbund-liest-keine-grafts' };
}

function git(root: string, args: string[], failure: string, input?: string): Buffer {
  const run = spawnSync('git', ['-C', root, ...args], { input, maxBuffer: 1024 * 1024 * 1024, env: gitEnv() });
  if (run.error) throw new GitSourceError(`git kann nicht gestartet werden (${(run.error as NodeJS.ErrnoException).code ?? run.error.message}).`);
  if (run.status !== 0) throw new GitSourceError(failure);
  return run.stdout;
}
