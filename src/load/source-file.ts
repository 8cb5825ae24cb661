import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Location } from '../check/finding';
import type { Kind } from '../schema/kinds';

/** A path into a YAML document: map keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

/** A YAML document with its line index, as the `yaml` library parses it. */
export interface PositionedDocument {
  doc: Document.Parsed;
  lines: LineCounter;
}

export function parseWithPositions(text: string): PositionedDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  return { doc, lines };
}

/**
 * A governance file that can say where any value of it stands, so that schema errors and
 * rule findings point to line and column. Positions come from the `yaml` library; a file
 * read by the fast path is parsed for them only when a finding needs a location.
 */
export class SourceFile {
  private positioned?: PositionedDocument;

  constructor(
    /** Path relative to the repository root, with forward slashes. */
    readonly file: string,
    readonly kind: Kind,
    private readonly text: string,
    positioned?: PositionedDocument,
  ) {
    this.positioned = positioned;
  }

  private get parsed(): PositionedDocument {
    this.positioned ??= parseWithPositions(this.text);
    return this.positioned;
  }

  /** Location of the value at `path`, or of the deepest part of it that exists. */
  locate(path: DataPath, { key = false } = {}): Location {
    return this.at(this.nodeAt(path, key)?.range?.[0] ?? 0);
  }

  /** Location of a character offset in the file. */
  at(offset: number): Location {
    const { line, col } = this.parsed.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  private nodeAt(path: DataPath, key: boolean): Node | undefined {
    let node = this.parsed.doc.contents as Node | null;
    let found: Node | undefined = node ?? undefined;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return found;
        node = (last && key ? pair.key : pair.value) as Node | null;
        if (!node) return (pair.key as Node) ?? found;
      } else if (isSeq(node)) {
        node = (node.items[Number(segment)] as Node | undefined) ?? null;
        if (!node) return found;
      } else {
        return found;
      }
      found = node;
    }
    return found;
  }
}

/** A path as staff read it: „meilensteine › Eintrag 2 › status“ (entries counted from 1). */
export function formatPath(path: DataPath): string {
  return path.map((segment) => (typeof segment === 'number' ? `Eintrag ${segment + 1}` : segment)).join(' › ');
}
