import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { isPair, isScalar, LineCounter, parseAllDocuments, visit, type YAMLError } from 'yaml';
import { finding, type Finding, type Location } from '../check/finding';
import type { Kind } from '../schema/kinds';
import { parseFast } from './parse-fast';
import { RESERVED_KEYS } from './reserved-keys';
import { SourceFile } from './source-file';

/** Control characters other than tab, line feed and carriage return: invisible, never intended. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Largest governance file we read; anything bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadResult =
  | { ok: true; source: SourceFile; data: unknown; findings: Finding[] }
  | { ok: false; findings: Finding[] };

/** Reads one file safely and parses it into data with positions. Never throws for bad input. */
export function readYamlFile(absPath: string, file: string, kind: Kind): ReadResult {
  const start: Location = { file, line: 1, column: 1 };
  let bytes: Buffer;
  try {
    const size = fs.statSync(absPath).size;
    if (size > MAX_FILE_BYTES) {
      return fail(finding('error', 'datei-zu-gross', start, `Die Datei ist ${size} Bytes groß; erlaubt sind höchstens ${MAX_FILE_BYTES} Bytes (1 MiB).`));
    }
    bytes = fs.readFileSync(absPath);
  } catch (error) {
    return fail(finding('error', 'datei-unlesbar', start, `Die Datei kann nicht gelesen werden (${(error as NodeJS.ErrnoException).code ?? 'Fehler'}); bitte Zugriffsrechte prüfen.`));
  }
  if (!isUtf8(bytes)) {
    return fail(finding('error', 'datei-kein-utf8', invalidUtf8Location(bytes, file), 'Die Datei ist nicht gültig UTF-8-kodiert; bitte als UTF-8 speichern.'));
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return fail(finding('error', 'datei-steuerzeichen', offsetLocation(text, control.index, file), `Die Datei enthält das unsichtbare Steuerzeichen U+${code}; bitte entfernen.`));
  }
  const lonelyCarriageReturn = /\r(?!\n)/.exec(text);
  if (lonelyCarriageReturn) {
    return fail(finding('error', 'yaml-syntax', offsetLocation(text, lonelyCarriageReturn.index, file), 'Die Datei trennt Zeilen nur mit CR (altes Mac-Format); bitte als LF oder CRLF speichern.'));
  }
  const fast = parseFast(text);
  if (fast) {
    const source = new SourceFile(file, kind, text);
    return { ok: true, source, data: fast.data, findings: schemaCommentFindings(text, source) };
  }
  return parseYaml(text, file, kind);
}

/**
 * The precise path: parses with the `yaml` library, keeping positions, and reports every
 * problem (syntax, duplicate keys, aliases, reserved keys, several documents) where it stands.
 */
export function parseYaml(text: string, file: string, kind: Kind): ReadResult {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const locate = (offset: number): Location => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  if (!Array.isArray(docs)) {
    return fail(finding('error', 'yaml-syntax', { file, line: 1, column: 1 }, 'Die Datei enthält kein YAML-Dokument.'));
  }
  if (docs.length === 0) return fail(finding('error', 'yaml-syntax', locate(0), 'Die Datei ist leer.'));
  if (docs.length > 1) {
    return fail(finding('error', 'yaml-mehrere-dokumente', locate(docs[1]!.range[0]), 'Die Datei enthält mehrere YAML-Dokumente (---); erlaubt ist genau eines je Datei.'));
  }
  const doc = docs[0]!;
  const findings = [...doc.errors, ...doc.warnings].map((error) => yamlErrorFinding(error, locate));
  let aliases = 0;
  let firstAlias: { offset: number; name: string } | undefined;
  visit(doc, {
    Alias(_, node) {
      aliases++;
      firstAlias ??= { offset: node.range?.[0] ?? 0, name: node.source };
    },
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && RESERVED_KEYS.has(String(pair.key.value))) {
        findings.push(finding('error', 'yaml-reservierter-schluessel', locate(pair.key.range?.[0] ?? 0), `Der Schlüssel „${String(pair.key.value)}“ ist reserviert und nicht erlaubt.`));
      }
    },
  });
  if (firstAlias) {
    const more = aliases > 1 ? ` (${aliases} Aliase in dieser Datei)` : '';
    findings.push(finding('error', 'yaml-alias', locate(firstAlias.offset), `Aliase wie *${firstAlias.name} sind in Governance-Dateien nicht erlaubt: jeder Wert steht ausgeschrieben dort, wo er gilt (Schutz vor Alias-Bomben)${more}.`));
  }
  if (findings.length > 0) return fail(...findings);
  const source = new SourceFile(file, kind, text, { doc, lines });
  return { ok: true, source, data: doc.toJS({ maxAliasCount: 0 }), findings: schemaCommentFindings(text, source) };
}

function fail(...findings: Finding[]): ReadResult {
  return { ok: false, findings };
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'Der Schlüssel kommt in dieser Zuordnung doppelt vor; jeder Schlüssel darf nur einmal stehen.',
  BAD_INDENT: 'Die Einrückung stimmt nicht; Einträge derselben Ebene müssen gleich weit eingerückt sein.',
  TAB_AS_INDENT: 'Tabulatoren sind zur Einrückung nicht erlaubt; bitte Leerzeichen verwenden.',
  MISSING_CHAR: 'Ein Zeichen fehlt (z. B. ein schließendes Anführungszeichen oder eine Klammer).',
  BAD_DQ_ESCAPE: 'Ungültige Escape-Sequenz in einem Text in doppelten Anführungszeichen.',
  MULTILINE_IMPLICIT_KEY: 'Ein Schlüssel darf nicht über mehrere Zeilen gehen; fehlt ein Doppelpunkt oder ein Anführungszeichen?',
  BLOCK_AS_IMPLICIT_KEY: 'Eine verschachtelte Struktur kann kein Schlüssel sein.',
  UNEXPECTED_TOKEN: 'Unerwartetes Zeichen an dieser Stelle.',
  TAG_RESOLVE_FAILED: 'Unbekannte YAML-Markierung (Tag); Tags wie !!js/function sind nicht erlaubt.',
  BAD_SCALAR_START: 'Ein Wert darf nicht mit diesem Zeichen beginnen; bitte in Anführungszeichen setzen.',
  KEY_OVER_1024_CHARS: 'Ein Schlüssel ist länger als 1024 Zeichen.',
};

function yamlErrorFinding(error: YAMLError, locate: (offset: number) => Location): Finding {
  const rule = error.code === 'DUPLICATE_KEY' ? 'yaml-doppelter-schluessel' : 'yaml-syntax';
  const german = YAML_MESSAGES[error.code];
  if (german) return finding('error', rule, locate(error.pos[0]), german);
  // A rare parser error without a German text: say so in German, keep the parser's words.
  const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  return finding('error', rule, locate(error.pos[0]), `Die Datei ist kein gültiges YAML (Meldung des Parsers: ${detail}).`);
}

/** Editors validate while typing only if the file names its schema on the first line. */
function schemaCommentFindings(text: string, source: SourceFile): Finding[] {
  const schema = path.posix.relative(path.posix.dirname(source.file), `governance/schemas/${source.kind}.schema.json`);
  const expected = `# yaml-language-server: $schema=${schema}`;
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')).trimEnd();
  if (firstLine === expected) return [];
  return [
    finding('error', 'schema-kommentar', source.at(0), `Die erste Zeile muss „${expected}“ lauten, damit Editoren die Datei beim Schreiben prüfen.`),
  ];
}

function offsetLocation(text: string, offset: number, file: string): Location {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { file, line: before.split('\n').length, column: offset - lineStart + 1 };
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
  return offsetLocation(before, before.length, file);
}

/** Length of the valid UTF-8 sequence at offset, or 0 if invalid. */
function utf8SequenceLength(bytes: Buffer, offset: number): number {
  for (const length of [1, 2, 3, 4]) {
    if (offset + length <= bytes.length && isUtf8(bytes.subarray(offset, offset + length))) return length;
  }
  return 0;
}
