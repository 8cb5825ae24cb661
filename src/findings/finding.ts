/** A finding of the check: where (file, line, column), which rule, what is wrong. Depends on nothing. */
export type Severity = 'error' | 'warning';

/**
 * What a finding is about, independent of its wording: the rule, the subject (kind:id of
 * the item, or the file for findings about a file as such) and the data path inside it
 * (JSON-pointer style, '' for the item itself). Exceptions name findings by this key.
 */
export interface FindingKey {
  rule: string;
  subject: string;
  path: string;
}

export interface Finding {
  severity: Severity;
  rule: string;
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  message: string;
  key: FindingKey;
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

/** A location that also knows what it points at (as the model's where() returns it). */
export interface Place extends Location {
  subject: string;
  path: string;
}

/** A finding at a location; the key defaults to the file itself when the location knows no item. */
export function finding(severity: Severity, rule: string, at: Location | Place, message: string): Finding {
  const place = at as Partial<Place>;
  return {
    severity,
    rule,
    file: at.file,
    line: at.line,
    column: at.column,
    message,
    key: { rule, subject: place.subject ?? `datei:${at.file}`, path: place.path ?? '' },
  };
}

/** A path into a YAML document: map keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

/** A data path as a JSON pointer: /meilensteine/1/status. */
export function pointer(path: DataPath): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A path as staff read it: „meilensteine › Eintrag 2 › status“ (entries counted from 1). */
export function formatPath(path: DataPath): string {
  return path.map((segment) => (typeof segment === 'number' ? `Eintrag ${segment + 1}` : segment)).join(' › ');
}

/** Stable order for every output: file, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.rule, b.rule) || compareStrings(a.message, b.message);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
