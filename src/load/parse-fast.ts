import { CORE_SCHEMA, load } from 'js-yaml';
import { RESERVED_KEYS } from './reserved-keys';

/**
 * An anchor (&name) or alias (*name): "&" or "*" directly followed by a name character.
 * "Sicherheit & Netze" does not match. False positives only send a file to the precise path.
 */
const MAY_HAVE_ANCHOR_OR_ALIAS = /[&*][^\s,[\]{}]/;

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
 * The fast path for the common case, a clean file: js-yaml with the YAML 1.2 core schema,
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
    data = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (data === undefined || data === null || hasReservedKey(data)) return undefined;
  return { data };
}

function hasReservedKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasReservedKey);
  if (typeof value !== 'object' || value === null) return false;
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key) || hasReservedKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}
