// A file source held in memory, for tests: any path can be made to fail with an error code.
import path from 'node:path';
import type { FileSource, ReadFailure, SourceEntry } from '../../src/source/file-source';

export type MemoryFiles = Record<string, string | Buffer | ReadFailure>;

export function memorySource(files: MemoryFiles, failingDirs: Record<string, string> = {}): FileSource {
  const content = new Map(Object.entries(files));
  const dirOf = (file: string) => (path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file));
  const children = (dir: string): SourceEntry[] => {
    const names = new Map<string, SourceEntry>();
    for (const [file, value] of content) {
      if (dir !== '' && !file.startsWith(`${dir}/`)) continue;
      const rest = dir === '' ? file : file.slice(dir.length + 1);
      const [name, ...deeper] = rest.split('/');
      if (deeper.length > 0) names.set(name!, { name: name!, type: 'directory' });
      else names.set(name!, { name: name!, type: 'file', ...(typeof value === 'string' || Buffer.isBuffer(value) ? { size: Buffer.byteLength(value) } : {}) });
    }
    return [...names.values()];
  };
  return {
    label: 'Speicher',
    list(dir) {
      if (failingDirs[dir]) return { error: failingDirs[dir] };
      const entries = children(dir);
      return entries.length === 0 && dir !== '' ? undefined : entries;
    },
    entry(file) {
      return children(dirOf(file)).find((e) => e.name === path.posix.basename(file));
    },
    read(file) {
      const value = content.get(file);
      if (value === undefined) return { error: 'ENOENT' };
      if (typeof value === 'string') return Buffer.from(value);
      return value;
    },
  };
}

/** Every file below a folder on disk, as a memory source (paths relative to the folder). */
export function memorySourceOf(root: string, overrides: MemoryFiles = {}, failingDirs: Record<string, string> = {}): FileSource {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  const files: MemoryFiles = {};
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const full = path.join(root, rel);
    if (fs.statSync(full).isFile()) files[rel.split(path.sep).join('/')] = fs.readFileSync(full);
  }
  return memorySource({ ...files, ...overrides }, failingDirs);
}
