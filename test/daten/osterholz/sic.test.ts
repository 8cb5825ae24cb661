// The [sic] register (docs/quellen/sic.yaml) is what the fidelity tests expect: every typo the
// Leitlinie contains and governance/ keeps is listed once, stands in the Leitlinie, and stands
// at the registered place of the encoding. A "corrected" typo, a moved one or an unregistered
// second occurrence fails here.
import { describe, expect, it } from 'vitest';
import { at, leaves, norm, RAW, SIC, SOURCE_NORM } from './quelle';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the [sic] register', () => {
  it('is not empty and names its source', () => {
    expect(SIC.quelle).toBe('docs/quellen/digitalisierungsleitlinie-osterholz-v1.1.txt');
    expect(SIC.eintraege.length).toBeGreaterThan(0);
  });

  for (const e of SIC.eintraege) {
    it(`${e.stelle}: „${e.original}“`, () => {
      expect(['Rechtschreibung', 'Grammatik', 'Zeichensetzung']).toContain(e.art);
      expect(norm(e.richtig)).not.toBe(norm(e.original));
      // In the Leitlinie, as often as the register lists it.
      const inSource = count(SOURCE_NORM, norm(e.original));
      expect(inSource, 'steht nicht (so oft) in der Leitlinie').toBe(SIC.eintraege.filter((o) => norm(o.original) === norm(e.original)).length);
      if (!e.datei) {
        expect(e.anmerkung, 'ein nicht kodierter Eintrag sagt, warum').toBeTruthy();
        for (const l of leaves()) expect(norm(l.value), `${l.file}#${l.pointer}`).not.toContain(norm(e.original));
        return;
      }
      // In the encoding, at the registered place, word for word.
      const value = at(e.datei, e.pfad!);
      expect(typeof value, `${e.datei}#${e.pfad} ist kein Text`).toBe('string');
      expect(norm(value as string), `${e.datei}#${e.pfad}`).toContain(norm(e.original));
    });
  }

  it('lists what the encoding resolves (typesetting, not text), each found in the Leitlinie', () => {
    for (const a of SIC.aufgeloest) {
      expect(RAW, a.stelle).toContain(a.original);
      expect(
        leaves().some((l) => norm(l.value).includes(a.kodiert)),
        a.stelle,
      ).toBe(true);
    }
  });
});
