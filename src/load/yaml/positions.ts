/**
 * Source positions recorded while js-yaml parses, through its `listener` option: one tree of
 * node start offsets, kept compact (a scalar is just its offset), so that any finding can
 * point to the line and column of the value it is about, without parsing a second time.
 */

import type { DataPath } from '../../findings/finding';

/** A scalar's start offset, or a collection with its entries. */
export type PositionNode = number | MapPositions | SeqPositions;

/**
 * A mapping: for each entry its key, the offset of the key and the node of the value, as
 * triples in one list of exact size (far less memory than a Map, or three lists, per mapping);
 * a lookup index is built only for large mappings.
 */
export class MapPositions {
  private readonly triples: (string | number | PositionNode)[];
  private size = 0;
  private index?: Map<string, number>;

  /** `capacity`: the most entries there can be. */
  constructor(
    readonly start: number,
    capacity: number,
  ) {
    this.triples = new Array<string | number | PositionNode>(capacity * 3);
  }

  get length(): number {
    return this.size;
  }

  add(key: string, keyOffset: number, value: PositionNode): void {
    const at = this.size * 3;
    this.triples[at] = key;
    this.triples[at + 1] = keyOffset;
    this.triples[at + 2] = value;
    this.size++;
  }

  keyOffset(entry: number): number {
    return this.triples[entry * 3 + 1] as number;
  }

  value(entry: number): PositionNode {
    return this.triples[entry * 3 + 2] as PositionNode;
  }

  /** Number of the entry with this key, or -1. */
  find(key: string): number {
    if (this.size <= 16) {
      for (let i = 0; i < this.size; i++) if (this.triples[i * 3] === key) return i;
      return -1;
    }
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.size; i++) this.index.set(this.triples[i * 3] as string, i);
    }
    return this.index.get(key) ?? -1;
  }
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
  for (let index = 0; index < path.length; index++) {
    const segment = path[index]!;
    if (typeof node === 'number') break;
    if (node instanceof MapPositions) {
      const at = node.find(String(segment));
      if (at === -1) break;
      if (key && index === path.length - 1) return node.keyOffset(at);
      node = node.value(at);
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
