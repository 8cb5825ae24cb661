// Every text of the Leitlinie outside the goals reproduces the approved document word for word
// (whitespace aside): title page, table of contents, document history, the paragraphs and term
// lists of every section, the vision, the rating scale, the figures and the dimensions. The goals
// themselves are compared in seed-fidelity.test.ts. A changed word anywhere fails a test here.
import { describe, expect, it } from 'vitest';
import { ABSCHNITTE, blocks, leaves, LEITLINIE as leitlinie, MODEL, norm, parts, SOURCE_NORM, WIRKUNG } from './quelle';

const BLOCKS = blocks();
const block = (nummer: string) => BLOCKS.find((b) => b.art === 'abschnitt' && b.nummer === nummer)!;
const gedruckt = (datum: string) => datum.split('-').reverse().join('.');

describe('the Leitlinie outside the goals reproduces the approved text', () => {
  it('has the headings of the document in its order: its sections, and the dimensions and goals within §VI', () => {
    const expected: string[] = [];
    for (const a of ABSCHNITTE) {
      expected.push(`${a.nummer}. ${a.titel}`);
      if (a.nummer !== 'VI') continue;
      for (const d of MODEL.dimensionen) {
        expected.push(`${d.id}. ${d.name}`);
        for (const z of MODEL.ziele.filter((z) => z.dimension === d.id)) expected.push(`${z.id}. ${z.titel}`);
      }
    }
    expect(BLOCKS.map((b) => `${b.nummer}. ${b.titel}`)).toEqual(expected);
  });

  for (const a of ABSCHNITTE) {
    it(`§${a.nummer} ${a.titel}: every paragraph and term in order, nothing left out`, () => {
      const encoded = [...(a.absaetze ?? []), ...(a.begriffe ?? []).map((b) => `${b.name}: ${b.bedeutung}`)].map(norm);
      const printed = block(a.nummer).zeilen.map(norm);
      if (a.nummer === 'XII')
        expect(encoded).toEqual([]); // the list of figures is abbildungen (below)
      else expect(encoded).toEqual(printed);
    });
  }

  it('has the title page: title, publisher and the members', () => {
    const [titel, vom, ort, herausgeber, ...mitglieder] = parts().titelblatt;
    expect(titel).toBe(leitlinie.titel);
    expect(`${vom} ${ort}`).toBe(`vom ${leitlinie.herausgeber}`);
    expect(herausgeber).toBe(leitlinie.herausgeber);
    expect([...mitglieder].sort()).toEqual(MODEL.mitglieder.map((m) => m.name).sort());
  });

  it('has the sections, dimensions and goals of the table of contents with their pages', () => {
    const inhalt = parts().inhalt.map((l) => l.split('\t'));
    const abschnitte = inhalt.filter(([n]) => /^[IVX]+\.$/.test(n!)).map(([n, titel, seite]) => [n!.slice(0, -1), titel, Number(seite)]);
    expect(abschnitte).toEqual(ABSCHNITTE.map((a) => [a.nummer, a.titel, a.seite]));
    const dimensionen = inhalt.filter(([n]) => /^\d+\.$/.test(n!)).map(([n, titel]) => [n!.slice(0, -1), titel]);
    expect(dimensionen).toEqual(MODEL.dimensionen.map((d) => [d.id, d.name]));
    const ziele = inhalt.filter(([n]) => /^\d+\.\d+\.$/.test(n!)).map(([n, titel]) => [n!.slice(0, -1), titel]);
    expect(ziele).toEqual(MODEL.ziele.map((z) => [z.id, z.titel]));
    expect(inhalt).toHaveLength(abschnitte.length + dimensionen.length + ziele.length);
  });

  it('has the document history: every version with its date and note', () => {
    const [kopf, ...zeilen] = parts().historie;
    expect(kopf!.split('\t')).toEqual(['Version', 'Datum', 'Status']);
    expect(zeilen.map((z) => z.split('\t'))).toEqual(MODEL.historie!.versionen.map((v) => [v.version, gedruckt(v.datum), v.vermerk]));
    expect(leitlinie.version).toBe(MODEL.historie!.versionen.at(-1)!.version);
  });

  it('has the vision of its section: the year of the heading and the quoted guiding sentence', () => {
    const vision = leitlinie.vision!;
    const abschnitt = ABSCHNITTE.find((a) => a.nummer === vision.abschnitt)!;
    expect(abschnitt.titel).toBe(`Vision ${vision.jahr}`);
    expect(block(abschnitt.nummer).zeilen).toContain(`„${vision.leitsatz}“`);
  });

  it('has the rating of its section: scale, its wording, and the perspectives every goal names', () => {
    const { skala, perspektiven, abschnitt } = WIRKUNG;
    const text = norm(block(abschnitt!).zeilen.join(' '));
    expect(text).toContain(`mit einem Wert von ${skala.min}-${skala.max} eingeschätzt`);
    expect(text).toContain(skala.beschreibung);
    const named = new Set(
      BLOCKS.filter((b) => b.art === 'ziel')
        .flatMap((b) => b.zeilen.filter((l) => l.startsWith('Dieses Ziel beeinflusst folgende Perspektiven positiv:')))
        .flatMap((l) => [...l.matchAll(/(\p{L}+) \(\d\)/gu)].map((m) => m[1])),
    );
    expect([...named].sort()).toEqual(perspektiven.map((p) => p.name).sort());
  });

  it('has every figure: its caption in the section it stands in, and its entry in the list of figures', () => {
    const captions = BLOCKS.flatMap((b) => b.abbildungen.map(([nummer, titel]) => [nummer, titel, b.nummer]));
    expect(captions).toEqual((leitlinie.abbildungen ?? []).map((b) => [b.nummer, b.titel, b.abschnitt]));
    const verzeichnis = block('XII')
      .zeilen.map((l) => /^Abbildung (\d+): (.*?)\.*\t(\d+)$/.exec(l)!)
      .map((m) => [Number(m[1]), m[2], Number(m[3])]);
    expect(verzeichnis).toEqual((leitlinie.abbildungen ?? []).map((b) => [b.nummer, b.titel, b.seite]));
  });

  it('has the dimensions of §VI word for word', () => {
    for (const d of MODEL.dimensionen) {
      const printed = BLOCKS.find((b) => b.art === 'dimension' && b.nummer === d.id)!;
      expect([printed.titel, ...printed.zeilen.map(norm)], `Dimension ${d.id}`).toEqual([d.name, norm(d.beschreibung)]);
    }
  });

  it('lists the areas of §IX as printed, „etc.“ included', () => {
    const bereiche = MODEL.ressourcen!.stellenbedarf.bereiche!;
    expect(norm(block('IX').zeilen.join(' '))).toContain(`Bereichen der Digitalisierung wie ${bereiche.join(', ')} Teilweise`);
  });

  it('quotes only the Leitlinie in every text of leitlinie.yaml and the dimensions', () => {
    const skip = new Set(['apiVersion', 'id', 'nummer', 'abschnitt']);
    const texts = leaves().filter((l) => /^governance\/(leitlinie\/leitlinie|dimensionen\/)/.test(l.file) && !skip.has(l.key));
    expect(texts.length).toBeGreaterThan(60);
    for (const l of texts) expect(SOURCE_NORM, `${l.file}#${l.pointer}`).toContain(norm(l.value));
  });
});
