/**
 * Where governance files come from: the working tree, or a git tree at a commit. The loader
 * sees only this port, so approvals can read the base commit and the audit past commits
 * through exactly the same load and check as `verbund check`.
 */

export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface SourceEntry {
  name: string;
  type: EntryType;
  /** Size in bytes, for files. */
  size?: number;
}

/** Why something could not be read: an errno-like code for the message (ENOENT, EACCES, …). */
export interface ReadFailure {
  error: string;
}

export interface FileSource {
  /** For messages: the folder, or the commit. */
  readonly label: string;
  /**
   * The entries of a directory (relative path with forward slashes, '' for the root),
   * unsorted; undefined if it does not exist.
   */
  list(dir: string): SourceEntry[] | ReadFailure | undefined;
  /** What a path is, without following a symbolic link; undefined if it does not exist. */
  entry(file: string): SourceEntry | ReadFailure | undefined;
  /** The bytes of a regular file. */
  read(file: string): Buffer | ReadFailure;
  /**
   * An id of the file's content that changes whenever the content does (a git blob id), where the
   * source knows one: the loader then parses each content once across loads (the audit loads many states).
   */
  identity?(file: string): string | undefined;
}

export function isFailure(value: unknown): value is ReadFailure {
  return typeof value === 'object' && value !== null && 'error' in value && !Buffer.isBuffer(value);
}
