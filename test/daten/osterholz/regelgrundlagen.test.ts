// The sources Osterholz gives its Leitlinie rules (policies/pruefregeln.yaml, grundlagen) quote
// the Leitlinie word for word and name sections it has, with their titles: every finding of
// these rules ends with that sentence.
import { describe, expect, it } from 'vitest';
import { ABSCHNITTE, MODEL, SOURCE_NORM, norm } from './quelle';

const grundlagen = MODEL.pruefregeln!.grundlagen!;

describe('the sources of the Leitlinie rules', () => {
  it('name both Leitlinie rules', () => {
    expect(Object.keys(grundlagen).sort()).toEqual(['fokus-hoechster-wert-einmal', 'strategie-je-mitglied']);
  });

  for (const [rule, text] of Object.entries(grundlagen)) {
    it(`${rule}: its quote stands in the Leitlinie, in the section it names`, () => {
      const quote = /„([^“]+)“/.exec(text)![1]!;
      expect(SOURCE_NORM).toContain(norm(quote));
      const [, nummer, titel] = /§([IVX]+) ([^:]+):/.exec(text)!;
      const abschnitt = ABSCHNITTE.find((a) => a.nummer === nummer);
      expect(abschnitt?.titel).toBe(titel);
      expect(norm((abschnitt?.absaetze ?? []).join(' '))).toContain(norm(quote));
    });
  }
});
