import type { DataPath, Location } from '../findings/finding';
import type { Kind } from '../schema/kinds';
import { LineIndex, offsetAt, type PositionNode } from './yaml/positions';

/**
 * A parsed governance file that can say where any value of it stands, so that schema errors
 * and rule findings point to line and column. Positions were recorded by the one parse.
 */
export class SourceFile {
  private readonly lines: LineIndex;

  constructor(
    /** Path relative to the repository root, with forward slashes. */
    readonly file: string,
    readonly kind: Kind,
    private readonly text: string,
    private readonly positions?: PositionNode,
  ) {
    this.lines = new LineIndex(text);
  }

  /** Location of the value (or key) at `path`, or of the deepest part of it that exists. */
  locate(path: DataPath, { key = false } = {}): Location {
    return this.at(offsetAt(this.positions, path, key));
  }

  /** The plain scalar at `path` as written (e.g. `1200.50`, where the parsed number is 1200.5). */
  written(path: DataPath): string {
    return /^[^\s,\]}#]*/.exec(this.text.slice(offsetAt(this.positions, path, false)))![0];
  }

  /** Location of a character offset in the file. */
  at(offset: number): Location {
    return { file: this.file, ...this.lines.position(offset) };
  }
}
