/**
 * Source positions recorded while js-yaml parses, through its `listener` option: one tree of
 * node start offsets, kept compact (a scalar is just its offset), so that any finding can
 * point to the line and column of the value it is about, without parsing a second time.
 */

import type { DataPath } from '../../findings/finding';

/** A scalar's start offset, or a collection with its entries. */
export type PositionNode = number | MapPositions | SeqPositions;

export interface MapPositions {
  start: number;
  /** key → [offset of the key, value node]. */
  entries: Map<string, readonly [number, PositionNode]>;
}

export interface SeqPositions {
  start: number;
  items: PositionNode[];
}

export function nodeStart(node: PositionNode): number {
  return typeof node === 'number' ? node : node.start;
}

/** Offset of the value at `path` (or of its key), or of the deepest part of the path that exists. */
export function offsetAt(root: PositionNode | undefined, path: DataPath, key = false): number {
  if (root === undefined) return 0;
  let node = root;
  for (const [index, segment] of path.entries()) {
    if (typeof node === 'number') break;
    if ('entries' in node) {
      const entry = node.entries.get(String(segment));
      if (!entry) break;
      if (key && index === path.length - 1) return entry[0];
      node = entry[1];
    } else {
      const item = typeof segment === 'number' ? node.items[segment] : undefined;
      if (item === undefined) break;
      node = item;
    }
  }
  return nodeStart(node);
}

/** Maps offsets to 1-based line and column; the index of line starts is built on first use. */
export class LineIndex {
  private starts?: number[];

  constructor(private readonly text: string) {}

  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
