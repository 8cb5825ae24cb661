/**
 * Escaping for every output that prints data: nothing read from a file (a value, a file name)
 * can start a new line, fake a verdict, issue a GitHub workflow command or inject markup.
 */

/** Control, zero-width and bidi characters as visible \u escapes; a line stays one line. */
export function escapeLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** Text for a Markdown table cell or paragraph on GitHub: no HTML, no Markdown, no line breaks. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`);
}

/** Text for HTML (element content or a quoted attribute): control characters as in escapeLine, then HTML's own characters. */
export function escapeHtml(text: string): string {
  return escapeLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** GitHub workflow command data, as @actions/core escapes it. */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow command property (file=…, title=…). */
export function escapeCommandProperty(value: string): string {
  return escapeCommandData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
