/** A finding of the check: where (file, line, column), which rule, what is wrong. */
export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  rule: string;
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** What the finding is about as kind:id (e.g. ziel:1.1); lets an exception name it. */
  subject?: string;
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

export function finding(
  severity: Severity,
  rule: string,
  at: Location,
  message: string,
  subject?: string,
): Finding {
  return subject === undefined
    ? { severity, rule, ...at, message }
    : { severity, rule, ...at, message, subject };
}

/** Stable order for every output: file, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.message, b.message)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
