/**
 * Source positions recorded while js-yaml parses, through its `listener` option: one tree of
 * node start offsets, kept compact (a scalar is just its offset), so that any finding can
 * point to the line and column of the value it is about, without parsing a second time.
 */

import type { DataPath } from '../../findings/finding';

/** A scalar's start offset, or a collection with its entries. */
export type PositionNode = number | MapPositions | SeqPositions;

/**
 * A mapping: its keys, the offset of each key and the node of each value, as parallel lists
 * (far less memory than a Map per mapping); a lookup index is built only for large mappings.
 */
export class MapPositions {
  readonly keys: string[];
  readonly keyOffsets: number[];
  readonly values: PositionNode[];
  private size = 0;
  private index?: Map<string, number>;

  /** `capacity`: the most entries there can be (arrays of exact size: growing ones waste memory). */
  constructor(
    readonly start: number,
    capacity: number,
  ) {
    this.keys = new Array<string>(capacity);
    this.keyOffsets = new Array<number>(capacity);
    this.values = new Array<PositionNode>(capacity);
  }

  get length(): number {
    return this.size;
  }

  add(key: string, keyOffset: number, value: PositionNode): void {
    this.keys[this.size] = key;
    this.keyOffsets[this.size] = keyOffset;
    this.values[this.size] = value;
    this.size++;
  }

  /** Position of a key in the lists, or -1. */
  find(key: string): number {
    if (this.size <= 16) {
      for (let i = 0; i < this.size; i++) if (this.keys[i] === key) return i;
      return -1;
    }
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.size; i++) this.index.set(this.keys[i]!, i);
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
      if (key && index === path.length - 1) return node.keyOffsets[at]!;
      node = node.values[at]!;
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
