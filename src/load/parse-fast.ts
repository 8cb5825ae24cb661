import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { RESERVED_KEYS } from './reserved-keys';

/**
 * An anchor (&name) or alias (*name): "&" or "*" directly followed by a name character.
 * "Sicherheit & Netze" does not match. False positives only send a file to the precise path.
 */
const MAY_HAVE_ANCHOR_OR_ALIAS = /[&*][^\s,[\]{}]/;

/** Numbers start with a sign, a digit or a dot; most scalars are prose and stop here. */
const NUMBER_START = /^[-+.0-9]/;

/**
 * js-yaml's own core schema reads more as numbers than YAML 1.2 does (0b1010, 1_000), so the
 * fast path uses the exact scalar rules of the `yaml` library's core schema instead.
 */
const YAML_CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:~|[Nn]ull|NULL)?$/.test(text),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
      construct: (text: string) => text[0] === 't' || text[0] === 'T',
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (text: string) => NUMBER_START.test(text) && /^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$/.test(text),
      construct: (text: string) =>
        text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (text: string) =>
        NUMBER_START.test(text) &&
        (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text) ||
        /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) ||
        /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)),
      construct: (text: string) =>
        /nan$/i.test(text) ? NaN : /inf$/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : parseFloat(text),
    }),
  ],
});

/** yaml's limit for implicit keys; js-yaml has none. */
const MAX_LINE = 1024;

/**
 * Where the two parsers are known to differ, the precise path decides: carriage returns and
 * tabs (line breaks and indentation rules), directives such as %YAML 1.1 (other scalar
 * rules), and lines over 1024 characters.
 */
function parsersMayDiffer(text: string): boolean {
  if (text.includes('\r') || text.includes('\t') || text.startsWith('%') || text.includes('\n%')) return true;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > MAX_LINE) return true;
    start = stop + 1;
  }
  return false;
}

/**
 * The fast path for the common case, a clean file: js-yaml with YAML 1.2 core scalars,
 * about ten times faster than the `yaml` library, which then only computes positions when
 * a finding needs one. Anything unusual (a syntax error, a duplicate key, a tag, several
 * documents, an anchor, a reserved key, an empty file) returns undefined, and the precise
 * path parses the file with `yaml` and reports exactly what is wrong where.
 * Both paths give the same data for every file the fast path accepts (parse-fast.test.ts).
 */
export function parseFast(text: string): { data: unknown } | undefined {
  if (MAY_HAVE_ANCHOR_OR_ALIAS.test(text) || parsersMayDiffer(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: YAML_CORE, json: false });
  } catch {
    return undefined;
  }
  if (data === undefined || data === null || hasUnusualKey(data)) return undefined;
  return { data };
}

/**
 * A reserved key, or a key YAML reads as null (~, null, empty), which js-yaml names "null"
 * and yaml "": either goes to the precise path.
 */
function hasUnusualKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasUnusualKey);
  if (typeof value !== 'object' || value === null) return false;
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key) || key === 'null' || key === '' || hasUnusualKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}
