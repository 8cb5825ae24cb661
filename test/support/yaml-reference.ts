// The reference reading of a governance file: the `yaml` library (strict YAML 1.2) plus the
// same policy the loader applies. The loader's single js-yaml pass must agree with it.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Node } from 'yaml';

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export type Reference = { ok: true; data: unknown; positions: Map<string, { line: number; column: number }> } | { ok: false };

export function referenceParse(text: string): Reference {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, strict: true, prettyErrors: false });
  if (!Array.isArray(docs) || docs.length !== 1) return { ok: false };
  const doc = docs[0]!;
  if (doc.errors.length > 0 || doc.warnings.length > 0 || doc.contents === null || doc.toJS() === null) return { ok: false };
  if (doc.directives.yaml.explicit && doc.directives.yaml.version !== '1.2') return { ok: false };
  let bad = false;
  visit(doc, {
    Node(_, node) {
      if (isAlias(node) || (node as { anchor?: string }).anchor || (node as { tag?: string }).tag) bad = true;
    },
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value === null || RESERVED.has(String(pair.key.value))) bad = true;
      else if (pair.value === null) bad = true;
    },
  });
  if (bad) return { ok: false };
  const positions = new Map<string, { line: number; column: number }>();
  const walk = (node: Node | null, path: string): void => {
    if (!node) return;
    const { line, col } = lines.linePos(node.range?.[0] ?? 0);
    positions.set(path, { line, column: col });
    if (isMap(node)) for (const pair of node.items) walk(pair.value as Node, `${path}/${escapePointer(String((pair.key as { value: unknown }).value))}`);
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, `${path}/${i}`));
  };
  walk(doc.contents as Node, '');
  return { ok: true, data: normalize(doc.toJS({ maxAliasCount: 0 })), positions };
}

/** -0 and 0 are the same number in governance data. */
export function normalize(value: unknown): unknown {
  if (typeof value === 'number') return value === 0 ? 0 : value;
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

/** A key as a JSON pointer segment: "/" and "~" escaped (keys such as app.kubernetes.io/part-of). */
function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
