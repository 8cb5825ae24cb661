// The members reproduce the facts table (docs/quellen/fakten.md, a copy of the facts given with
// the Leitlinie): kind, Kreisschlüssel, seat, member municipalities, and the inhabitants with
// their qualifier – "about" is ungefaehr (etwa), "a little over" mindestens (etwas über), "just
// under" hoechstens (knapp), "open" offen – their date (open where the table gives none) and source.
import { describe, expect, it } from 'vitest';
import { FAKTEN, MODEL } from './quelle';

interface Zeile {
  member: string;
  kind: string;
  inhabitants: string;
  source: string;
}
const ZEILEN: Zeile[] = FAKTEN.split('\n')
  .filter((l) => l.startsWith('| ') && !l.startsWith('| member'))
  .map((l) => l.split('|').map((c) => c.trim()))
  .map(([, member, kind, inhabitants, source]) => ({ member: member!, kind: kind!, inhabitants: inhabitants!, source: source! }));

const GENAUIGKEIT: Record<string, { genauigkeit: string; wort: string }> = {
  about: { genauigkeit: 'ungefaehr', wort: 'etwa' },
  'a little over': { genauigkeit: 'mindestens', wort: 'etwas über' },
  'just under': { genauigkeit: 'hoechstens', wort: 'knapp' },
};
const MONATE: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};
const zahl = (s: string) => Number(s.replace(/,/g, ''));
const tausender = (n: number) => n.toLocaleString('de-DE');

describe('the members reproduce the facts table', () => {
  it('has one row per member', () => {
    expect(ZEILEN.map((z) => z.member.replace(/ \(.*\)$/, '')).sort()).toEqual(MODEL.mitglieder.map((m) => m.name).sort());
  });

  for (const zeile of ZEILEN) {
    const name = zeile.member.replace(/ \(.*\)$/, '');
    it(name, () => {
      const m = MODEL.mitglieder.find((x) => x.name === name)!;
      // kind: "Stadt (Kreisstadt)" → bezeichnung Kreisstadt; otherwise the kind itself.
      expect(m.bezeichnung).toBe(/\((.*)\)/.exec(zeile.kind)?.[1] ?? zeile.kind);
      const details = /\((.*)\)$/.exec(zeile.member)?.[1];
      if (details?.includes('Kreisschlüssel')) {
        expect(m.kreisschluessel).toBe(/Kreisschlüssel ([\d ]+)/.exec(details)![1]!.replace(/ /g, ''));
        expect(m.sitz).toBe(/seat (.*)$/.exec(details)![1]);
      } else if (details) expect(m.mitgliedsgemeinden).toEqual(details.split(', '));
      else expect(m.mitgliedsgemeinden ?? m.kreisschluessel).toBeUndefined();

      const e = m.einwohner;
      if (zeile.inhabitants === 'open') {
        expect(e).toEqual({ offen: expect.stringContaining('docs/quellen/fakten.md') });
        expect(zeile.source).toBe('');
        return;
      }
      const qualifier = Object.keys(GENAUIGKEIT).find((q) => zeile.inhabitants.startsWith(`${q} `));
      const amtlich = /^([\d,]+) \((\d+) (\w+) (\d{4})\)$/.exec(zeile.inhabitants);
      if (!('wert' in e)) throw new Error(`${name}: Einwohner offen, die Tabelle nennt ${zeile.inhabitants}`);
      if (qualifier) {
        const wert = zahl(zeile.inhabitants.slice(qualifier.length + 1));
        const { genauigkeit, wort } = GENAUIGKEIT[qualifier]!;
        expect(e).toMatchObject({ wert, genauigkeit, angabe: `${wort} ${tausender(wert)}` });
        // The table gives no date: the date is open, and its reason says so truthfully.
        expect(e.stand).toEqual({ offen: expect.stringMatching(/nennt .*keinen Stichtag/) });
        expect((e.stand as { offen: string }).offen).toContain('docs/quellen/fakten.md');
        expect(zeile.source).toBe('local web page, approximate');
        expect(e.quelle).toMatch(/^Internetseite der (Gemeinde|Stadt) \(Näherungswert\)/);
      } else {
        expect(amtlich, `${name}: ${zeile.inhabitants}`).not.toBeNull();
        const [, n, tag, monat, jahr] = amtlich!;
        expect(e).toMatchObject({ wert: zahl(n!), genauigkeit: 'amtlich', stand: `${jahr}-${MONATE[monat!]}-${tag!.padStart(2, '0')}` });
        expect(zeile.source).toMatch(/^official statistics as quoted by the German Wikipedia article/);
        expect(e.quelle).toMatch(/^Amtliche Statistik, zitiert im deutschsprachigen Wikipedia-Artikel/);
        expect(e.angabe).toBeUndefined();
      }
    });
  }
});
