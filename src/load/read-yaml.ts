import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { finding, type Finding, type Location } from '../findings/finding';
import { SCHEMA_DIR, kindEntry, type Kind } from '../schema/kinds';
import { isFailure, type FileSource } from '../source/file-source';
import { countInvisible, describeInvisible, firstInvisibleValue, INVISIBLE } from './invisible';
import { SourceFile } from './source-file';
import { LineIndex } from './yaml/positions';
import { parseYaml } from './yaml/parse';

/** Largest governance file we read; anything bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadResult = { ok: true; source: SourceFile; data: unknown; findings: Finding[] } | { ok: false; findings: Finding[] };

/** Reads one file from its source and parses it into data with positions. Never throws for bad input. */
export function readYamlFile(source: FileSource, file: string, kind: Kind, size?: number): ReadResult {
  const start: Location = { file, line: 1, column: 1 };
  if (size !== undefined && size > MAX_FILE_BYTES) return fail(tooLarge(start, size));
  const bytes = source.read(file);
  if (isFailure(bytes))
    return fail(finding('error', 'datei-unlesbar', start, `Die Datei kann nicht gelesen werden (${bytes.error}); bitte Zugriffsrechte prüfen.`));
  if (bytes.length > MAX_FILE_BYTES) return fail(tooLarge(start, bytes.length));
  if (!isUtf8(bytes)) {
    return fail(finding('error', 'datei-kein-utf8', invalidUtf8Location(bytes, file), 'Die Datei ist nicht gültig UTF-8-kodiert; bitte als UTF-8 speichern.'));
  }
  return parseText(bytes.toString('utf8').replace(/^\uFEFF/, ''), file, kind);
}

/** Parses the text of one governance file (after the byte-level checks). */
export function parseText(text: string, file: string, kind: Kind): ReadResult {
  const lines = new LineIndex(text);
  const at = (offset: number): Location => ({ file, ...lines.position(offset) });
  const invisible = INVISIBLE.exec(text);
  if (invisible) {
    const count = countInvisible(text);
    const more = count > 1 ? ` (${count} solche Zeichen in der Datei)` : '';
    const message = `Die Datei enthält das unsichtbare Zeichen ${describeInvisible(invisible[0])}${more}; bitte entfernen.`;
    return fail(finding('error', 'datei-steuerzeichen', at(invisible.index), message));
  }
  const lonelyCarriageReturn = /\r(?!\n)/.exec(text);
  if (lonelyCarriageReturn) {
    return fail(
      finding(
        'error',
        'yaml-syntax',
        at(lonelyCarriageReturn.index),
        'Die Datei trennt Zeilen nur mit CR (altes Mac-Format); bitte als LF oder CRLF speichern.',
      ),
    );
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) return fail(...parsed.issues.map((issue) => finding('error', issue.rule, at(issue.offset), issue.message)));
  const source = new SourceFile(file, kind, text, parsed.positions);
  // Only an escape sequence ("\e", "\u202e") can bring such a character past the text check above.
  const escaped = text.includes('\\') ? firstInvisibleValue(parsed.data) : undefined;
  if (escaped) {
    const message = `${escaped.key ? 'Ein Schlüssel' : 'Der Wert'} enthält das unsichtbare Zeichen ${describeInvisible(escaped.character)}, als Escape-Sequenz geschrieben; bitte entfernen (erlaubt sind nur Tabulator und Zeilenumbruch).`;
    return fail(finding('error', 'datei-steuerzeichen', source.locate(escaped.path, { key: escaped.key }), message));
  }
  // Pulumi rewrites its stack files itself; the schema line is welcome there but cannot be required.
  const comments = kindEntry(kind).foreign ? [] : schemaCommentFindings(text, source);
  return { ok: true, source, data: parsed.data, findings: comments };
}

function fail(...findings: Finding[]): ReadResult {
  return { ok: false, findings };
}

function tooLarge(at: Location, size: number): Finding {
  return finding('error', 'datei-zu-gross', at, `Die Datei ist ${size} Bytes groß; erlaubt sind höchstens ${MAX_FILE_BYTES} Bytes (1 MiB).`);
}

/** Editors validate while typing only if the file names its schema on the first line. */
function schemaCommentFindings(text: string, source: SourceFile): Finding[] {
  const schema = path.posix.relative(path.posix.dirname(source.file), `${SCHEMA_DIR}/${source.kind}.schema.json`);
  const expected = `# yaml-language-server: $schema=${schema}`;
  const end = text.indexOf('\n');
  const firstLine = text.slice(0, end === -1 ? undefined : end).trimEnd();
  if (firstLine === expected) return [];
  return [finding('error', 'schema-kommentar', source.at(0), `Die erste Zeile muss „${expected}“ lauten, damit Editoren die Datei beim Schreiben prüfen.`)];
}

/** Line and column of the first byte that is not valid UTF-8. */
function invalidUtf8Location(bytes: Buffer, file: string): Location {
  let offset = 0;
  while (offset < bytes.length) {
    const length = utf8SequenceLength(bytes, offset);
    if (length === 0) break;
    offset += length;
  }
  const before = bytes.subarray(0, offset).toString('utf8');
  return { file, ...new LineIndex(before).position(before.length) };
}

/** Length of the valid UTF-8 sequence at offset, or 0 if invalid. */
function utf8SequenceLength(bytes: Buffer, offset: number): number {
  for (const length of [1, 2, 3, 4]) {
    if (offset + length <= bytes.length && isUtf8(bytes.subarray(offset, offset + length))) return length;
  }
  return 0;
}
