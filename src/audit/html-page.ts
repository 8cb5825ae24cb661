import { escapeHtml } from '../findings/escape';

/**
 * One self-contained HTML page an auditor can archive: no external request (styles inline, no
 * scripts, no images), printable, German. The body is HTML already escaped by its builder.
 */
export function page(title: string, body: readonly string[]): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; line-height: 1.4; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; }
.fehlt { color: #8b0000; }
code { font-family: ui-monospace, monospace; }
section { break-inside: avoid; }
@media print { body { margin: 0; } a { color: inherit; } }
</style>
</head>
<body>
<main>
${body.filter(Boolean).join('\n')}
</main>
</body>
</html>
`;
}

/** A table with a caption and column headers; every cell is text, escaped here. */
export function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
  return `<table>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

/** A list of text items, escaped. */
export function list(items: readonly string[]): string {
  return items.length === 0 ? '' : `<ul>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
}
