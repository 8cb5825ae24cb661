import path from 'node:path';
import type { FileSource, ReadFailure, SourceEntry } from './file-source';

/**
 * The files of one state of the repository, held in memory (path → bytes): what the audit
 * builds for each commit of the history from the blobs it read once, so that the loader reads a
 * past state exactly as it reads the working tree.
 */
export class TreeSource implements FileSource {
  private readonly dirs = new Map<string, SourceEntry[]>();
  private readonly names = new Map<string, Set<string>>();

  constructor(
    readonly label: string,
    private readonly files: ReadonlyMap<string, Buffer>,
    /** The blob id of each file, where known (see FileSource.identity). */
    private readonly ids?: ReadonlyMap<string, string>,
  ) {
    this.dirs.set('', []);
    const linked = new Set<string>(['']);
    for (const [file, bytes] of files) {
      let dir = dirOf(file);
      this.add(dir, { name: path.posix.basename(file), type: 'file', size: bytes.length });
      // Every folder up to the root, entered in its parent once.
      while (!linked.has(dir)) {
        linked.add(dir);
        const parent = dirOf(dir);
        this.add(parent, { name: path.posix.basename(dir), type: 'directory' });
        dir = parent;
      }
    }
  }

  list(dir: string): SourceEntry[] | ReadFailure | undefined {
    return this.dirs.get(dir === '.' ? '' : dir);
  }

  entry(file: string): SourceEntry | ReadFailure | undefined {
    return this.dirs.get(dirOf(file))?.find((e) => e.name === path.posix.basename(file));
  }

  read(file: string): Buffer | ReadFailure {
    return this.files.get(file) ?? { error: 'ENOENT' };
  }

  identity(file: string): string | undefined {
    return this.ids?.get(file);
  }

  private add(dir: string, entry: SourceEntry): void {
    const list = this.dirs.get(dir) ?? [];
    if (!this.dirs.has(dir)) this.dirs.set(dir, list);
    const names = this.names.get(dir) ?? new Set<string>();
    this.names.set(dir, names);
    if (names.has(entry.name)) return;
    names.add(entry.name);
    list.push(entry);
  }
}

function dirOf(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '.' ? '' : dir;
}
