// The sources the data suite compares governance/ against, read from docs/quellen/: the approved
// Leitlinie v1.1 (as text), the [sic] register of the typos it keeps, and the facts table. Also
// the shipped data, loaded once through the tool's pipeline and as raw YAML (every string of
// every file, with its JSON pointer).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { bekannt } from '../../../src/model/types';
import { checkGovernance } from '../../../src/pipeline';
import { compileValidators } from '../../../src/schema/compile';

export const ROOT = path.join(__dirname, '..', '..', '..');
const QUELLEN = path.join(ROOT, 'docs', 'quellen');

/** Whitespace-normalised: every run of white space is one space, none at either end. */
export const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface SicEintrag {
  stelle: string;
  datei?: string;
  pfad?: string;
  original: string;
  richtig: string;
  art: 'Rechtschreibung' | 'Grammatik' | 'Zeichensetzung';
  anmerkung?: string;
}
export interface Aufgeloest {
  stelle: string;
  original: string;
  kodiert: string;
  grund: string;
}
export const SIC = parse(fs.readFileSync(path.join(QUELLEN, 'sic.yaml'), 'utf8')) as { quelle: string; eintraege: SicEintrag[]; aufgeloest: Aufgeloest[] };

/** The Leitlinie exactly as approved (the file the [sic] register names). */
export const RAW = fs.readFileSync(path.join(ROOT, SIC.quelle), 'utf8');
/** The Leitlinie with only what the register lists as typesetting resolved (a hyphen at a page break). */
export const SOURCE = SIC.aufgeloest.reduce((text, a) => text.split(a.original).join(a.kodiert), RAW);
/** SOURCE, whitespace-normalised: for "occurs in the Leitlinie". */
export const SOURCE_NORM = norm(SOURCE);

export const FAKTEN = fs.readFileSync(path.join(QUELLEN, 'fakten.md'), 'utf8');

export const RESULT = checkGovernance(ROOT, { validators: compileValidators(path.join(ROOT, 'schemas', 'governance')), today: '2026-11-21' });
export const MODEL = RESULT.model;
/** The shipped Leitlinie: its sections are recorded (not open), and so is its rating. */
export const LEITLINIE = MODEL.leitlinie!;
export const ABSCHNITTE = bekannt(LEITLINIE.abschnitte)!;
export const WIRKUNG = LEITLINIE.wirkung!;

/** Non-empty lines, trimmed. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The lines of the title page, the table of contents and the document history, and the body. */
export function parts(): { titelblatt: string[]; inhalt: string[]; historie: string[]; body: string } {
  const toc = SOURCE.indexOf('\nInhaltsverzeichnis\n');
  const hist = SOURCE.indexOf('\nDokumentenhistorie\n');
  const body = SOURCE.search(/^I\. /m);
  return {
    titelblatt: lines(SOURCE.slice(0, toc)),
    inhalt: lines(SOURCE.slice(toc, hist)).slice(1),
    historie: lines(SOURCE.slice(hist, body)).slice(1),
    body: SOURCE.slice(body),
  };
}

export interface Block {
  art: 'abschnitt' | 'dimension' | 'ziel';
  nummer: string;
  titel: string;
  /** The lines under the heading, figure captions excluded. */
  zeilen: string[];
  /** Figure captions under the heading: [number, title]. */
  abbildungen: [number, string][];
}

/** The body split at its headings: sections (I.), dimensions (1.) and goals (1.1.). */
export function blocks(): Block[] {
  const result: Block[] = [];
  for (const line of lines(parts().body)) {
    const heading = /^([IVX]+|\d+|\d+\.\d+)\. (\S.*)$/.exec(line);
    if (heading) {
      const nummer = heading[1]!;
      const art = /^[IVX]+$/.test(nummer) ? 'abschnitt' : nummer.includes('.') ? 'ziel' : 'dimension';
      result.push({ art, nummer, titel: heading[2]!, zeilen: [], abbildungen: [] });
      continue;
    }
    const current = result[result.length - 1]!;
    const caption = /^Abbildung (\d+): (.+)$/.exec(line);
    if (caption && current.nummer !== 'XII') current.abbildungen.push([Number(caption[1]), caption[2]!]);
    else current.zeilen.push(line);
  }
  return result;
}

export interface Leaf {
  /** governance/… */
  file: string;
  /** JSON pointer, e.g. /abschnitte/0/absaetze/1 */
  pointer: string;
  /** The key the string stands under (for list items: the key of the list). */
  key: string;
  value: string;
}

/** Every string value in every YAML file under governance/. */
export function leaves(): Leaf[] {
  const out: Leaf[] = [];
  const walk = (file: string, value: unknown, pointer: string, key: string) => {
    if (typeof value === 'string') out.push({ file, pointer, key, value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(file, v, `${pointer}/${i}`, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(file, v, `${pointer}/${k}`, k);
  };
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(rel);
      else if (entry.name.endsWith('.yaml')) walk(rel, parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')), '', '');
    }
  };
  visit('governance');
  return out;
}

/** The value at a JSON pointer in a governance file. */
export function at(file: string, pointer: string): unknown {
  let value: unknown = parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  for (const part of pointer.split('/').slice(1)) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}
