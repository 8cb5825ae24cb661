// The shipped YAML reproduces the approved text: every goal's statement, Sinn & Zweck,
// milestones, Aufgabenteilung, risks, added values and focus values, read from the source
// document itself (docs/quellen/, a copy of the approved Leitlinie v1.1). The texts outside the
// goals (sections, vision, figures, history, dimensions) are compared in leitlinie-fidelity.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGovernance } from '../../../src/pipeline';
import type { Aufgabe } from '../../../src/model/types';
import { compileValidators } from '../../../src/schema/compile';

const ROOT = path.join(__dirname, '..', '..', '..');
const SOURCE = fs.readFileSync(path.join(ROOT, 'docs', 'quellen', 'digitalisierungsleitlinie-osterholz-v1.1.txt'), 'utf8');
const { model } = checkGovernance(ROOT, { validators: compileValidators(path.join(ROOT, 'schemas', 'governance')), today: '2026-11-21' });

const PERSPEKTIVEN: Record<string, string> = {
  Finanzen: 'finanzen',
  Mitarbeitende: 'mitarbeitende',
  Kunden: 'kunden',
  Prozesse: 'prozesse',
  Gesellschaft: 'gesellschaft',
};

/** The text of goal `id` in §VI: from its heading to the next goal, dimension or §VII. */
function section(id: string): string {
  const body = SOURCE.slice(SOURCE.indexOf('VI. Verbundziele\n\nUm'));
  const start = body.search(new RegExp(`^${id.replace('.', '\\.')}\\. `, 'm'));
  const rest = body.slice(start + 1);
  const end = rest.search(/^(\d\.\d\. |\d\. [A-Z]|VII\. )/m);
  return body.slice(start, start + 1 + end);
}

/** The bullets or paragraphs under a heading of a goal section, whitespace-normalised. */
function block(text: string, heading: RegExp, next: RegExp): string[] {
  const from = text.search(heading);
  const after = text.slice(from).replace(heading, '');
  const to = after.search(next);
  return after
    .slice(0, to === -1 ? undefined : to)
    .split('\n')
    .map((line) => line.replace(/^- (▶ )?/, '').trim())
    .filter(Boolean);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the shipped goals reproduce the approved text', () => {
  for (const ziel of model.ziele) {
    it(`Ziel ${ziel.id} ${ziel.titel}`, () => {
      const text = section(ziel.id);
      expect(text.split('\n')[0]).toBe(`${ziel.id}. ${ziel.titel}`);
      expect(
        block(text, /^.*\n\n/, /^Sinn & Zweck$/m)
          .map(norm)
          .join(' '),
      ).toBe(norm(ziel.aussage));
      expect(block(text, /Sinn & Zweck\n/, /^Meilen?steine$/m).map(norm)).toEqual(ziel.sinnUndZweck.map(norm));
      expect(block(text, /Meilen?steine\n/, /^Aufgabenteilung$/m).map(norm)).toEqual(ziel.meilensteine.map((m) => norm(m.text)));
      const teilung = block(text, /Aufgabenteilung\n/, /^Risiken$/m);
      const label = (a: Aufgabe) => (typeof a === 'string' ? a : 'k.A.');
      expect(teilung).toEqual([
        `Gemeinsam: ${label(ziel.aufgabenteilung.gemeinsam)}`,
        `Einer für Alle: ${label(ziel.aufgabenteilung.einerFuerAlle)}`,
        `Jeder für sich: ${label(ziel.aufgabenteilung.jederFuerSich)}`,
      ]);
      expect(block(text, /Risiken\n/, /^Mehrwerte$/m).map(norm)).toEqual(ziel.risiken.map(norm));
      expect(block(text, /Mehrwerte\n/, /^Fokus$/m).map(norm)).toEqual(ziel.mehrwerte.map(norm));
      const fokus = /positiv: (.*)\./.exec(text)![1]!;
      const printed = Object.fromEntries([...fokus.matchAll(/(\w+) \((\d)\)/g)].map((m) => [PERSPEKTIVEN[m[1]!], Number(m[2])]));
      const nonZero = Object.fromEntries(Object.entries(ziel.fokus).filter(([, v]) => v > 0));
      expect(nonZero).toEqual(printed);
    });
  }

  it('covers every goal heading of §VI', () => {
    const headings = [...SOURCE.slice(SOURCE.indexOf('VI. Verbundziele\n\nUm')).matchAll(/^(\d\.\d)\. /gm)].map((m) => m[1]);
    expect(model.ziele.map((z) => z.id)).toEqual(headings);
  });
});
