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
  /** The exact finding in a few stable words, when the message alone is too wordy to pin. */
  detail?: string;
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
  detail?: string,
): Finding {
  return {
    severity,
    rule,
    ...at,
    message,
    ...(subject === undefined ? {} : { subject }),
    ...(detail === undefined ? {} : { detail }),
  };
}

/** What an exception must quote to accept exactly this finding. */
export function exceptionKey(f: Finding): string {
  return f.detail ?? f.message;
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
