import fs from 'node:fs';
import path from 'node:path';
import type { EntryType, FileSource, ReadFailure, SourceEntry } from './file-source';

/**
 * The files on disk below a repository root. Symbolic links are reported as such and never
 * followed, except that governance/ or policies/ themselves may be a link to a folder inside
 * the root (an adopter keeping its data under examples/, say); a link leading outside is not.
 */
export class WorktreeSource implements FileSource {
  readonly label: string;
  private readonly realRoot: string;
  /** Resolved top-level folders (governance/, policies/): resolved once, not once per file. */
  private readonly tops = new Map<string, string | ReadFailure | undefined>();

  constructor(private readonly root: string) {
    this.label = root;
    this.realRoot = fs.realpathSync(root);
  }

  list(dir: string): SourceEntry[] | ReadFailure | undefined {
    const abs = this.resolveDir(dir);
    if (typeof abs !== 'string') return abs;
    try {
      return fs.readdirSync(abs, { withFileTypes: true }).map((entry) => ({ name: entry.name, type: typeOf(entry) }));
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' ? undefined : { error: code };
    }
  }

  entry(file: string): SourceEntry | ReadFailure | undefined {
    const abs = this.resolveDir(path.posix.dirname(file));
    if (typeof abs !== 'string') return abs;
    try {
      const stat = fs.lstatSync(path.join(abs, path.posix.basename(file)));
      return { name: path.posix.basename(file), type: typeOf(stat), size: stat.size };
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { error: code };
    }
  }

  read(file: string): Buffer | ReadFailure {
    const abs = this.resolveDir(path.posix.dirname(file));
    if (typeof abs !== 'string') return abs ?? { error: 'ENOENT' };
    try {
      return fs.readFileSync(path.join(abs, path.posix.basename(file)));
    } catch (error) {
      return { error: errorCode(error) };
    }
  }

  /** A folder below the root; a top-level link is followed only if it stays inside the root. */
  private resolveDir(dir: string): string | ReadFailure | undefined {
    if (dir === '' || dir === '.') return this.root;
    const [top, ...rest] = dir.split('/');
    if (!this.tops.has(top!)) this.tops.set(top!, this.resolveTop(top!));
    const real = this.tops.get(top!);
    return typeof real === 'string' ? path.join(real, ...rest) : real;
  }

  private resolveTop(top: string): string | ReadFailure | undefined {
    let real: string;
    try {
      real = fs.realpathSync(path.join(this.root, top));
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' ? undefined : { error: code };
    }
    if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) return { error: 'AUSSERHALB' };
    return real;
  }
}

function typeOf(entry: fs.Dirent | fs.Stats): EntryType {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  return 'other';
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'Fehler';
}
