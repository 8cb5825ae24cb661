import { parseText } from '../load/read-yaml';
import { describeChange, kindOfPath } from './domain-diff';
import type { Change, HistoryCommit } from './history';

/** One commit's change to the artefact: where it stood then, and what changed, in German. */
export interface ArtefactChange {
  commit: HistoryCommit;
  path: string;
  lines: string[];
}

/**
 * The commits of the chain that changed one artefact, oldest first, following renames back to
 * its first name (walked newest to oldest: a rename hands the older commits the old path).
 */
export function changesOf(commits: readonly HistoryCommit[], path: string): { commit: HistoryCommit; change: Change }[] {
  const found: { commit: HistoryCommit; change: Change }[] = [];
  let current = path;
  for (let i = commits.length - 1; i >= 0; i--) {
    const change = commits[i]!.changes.find((c) => c.path === current);
    if (!change) continue;
    found.push({ commit: commits[i]!, change });
    if (change.oldPath && change.status === 'R') current = change.oldPath;
  }
  return found.reverse();
}

/** How many parsed contents a blob parser keeps: a history is walked in order, so a change's "before" is nearly always recent. */
const RECENT = 4096;

/**
 * Reads a blob's data with the project's parser, keeping the most recently used contents (by
 * blob id) so a long history is parsed about once per content without holding all of it; null
 * when it is no valid YAML, undefined for none.
 */
export function blobParser(blobs: ReadonlyMap<string, Buffer>): (blob: string, file: string) => unknown {
  const parsed = new Map<string, unknown>();
  return (blob, file) => {
    if (/^0+$/.test(blob)) return undefined;
    if (parsed.has(blob)) {
      const data = parsed.get(blob);
      parsed.delete(blob);
      parsed.set(blob, data); // most recently used last
      return data;
    }
    const kind = kindOfPath(file);
    const bytes = blobs.get(blob);
    const result = kind && bytes ? parseText(bytes.toString('utf8').replace(/^\uFEFF/, ''), file, kind) : undefined;
    const data = result?.ok ? result.data : null;
    parsed.set(blob, data);
    if (parsed.size > RECENT) parsed.delete(parsed.keys().next().value!);
    return data;
  };
}

/** One change of a file as German lines: a rename, then what changed in the data. */
export function changeLines(change: Change, dataOf: (blob: string, file: string) => unknown): string[] {
  const before = dataOf(change.oldBlob, change.oldPath ?? change.path);
  const after = change.status === 'D' ? undefined : dataOf(change.newBlob, change.path);
  const lines: string[] = [];
  if (change.status === 'R') lines.push(`Datei umbenannt: ${change.oldPath} → ${change.path}`);
  if (before === null || after === null)
    lines.push(`${change.path}: Inhalt nicht lesbar (kein gültiges YAML); die Änderung lässt sich nur zeilenweise zeigen (git show).`);
  else {
    const changed = describeChange(change.path, before, after);
    lines.push(
      ...(changed.length > 0 || change.status === 'R'
        ? changed
        : [`${change.path}: keine fachliche Änderung (nur Kommentare, Reihenfolge oder Schreibweise).`]),
    );
  }
  return lines;
}

/** Each change of the artefact as domain changes. */
export function artefactHistory(commits: readonly HistoryCommit[], path: string, blobs: ReadonlyMap<string, Buffer>): ArtefactChange[] {
  const dataOf = blobParser(blobs);
  return changesOf(commits, path).map(({ commit, change }) => ({ commit, path: change.path, lines: changeLines(change, dataOf) }));
}
