// Every value in governance/ that the Leitlinie or the facts table does not state carries its
// source or is labelled as an inference with its reasoning – checked here where a machine can:
// what a text quotes („…“) stands in the Leitlinie, what it cites (§, Abbildung, Ziel) exists,
// inferences carry their label, and the inferences the comparison with the Leitlinie found
// (who approved v1.1, the HVB-Runde's members, the HVB titles, the Verbund's description) say so.
// Convention: „…“ in governance/ quotes the Leitlinie and nothing else; "…" inside a quote
// leaves words out.
import { describe, expect, it } from 'vitest';
import { ABSCHNITTE, leaves, LEITLINIE as leitlinie, MODEL, norm, SOURCE_NORM } from './quelle';

const LEAVES = leaves();
const where = (l: { file: string; pointer: string }) => `${l.file}#${l.pointer}`;
const FOLGERUNG = 'Folgerung (nicht im Text): ';
const GEFOLGERT = 'Gefolgert, nicht im Text: ';

/** Does the quote stand in the Leitlinie? Its parts around "…" must appear there in order. */
function quoted(quote: string): boolean {
  let from = 0;
  for (const part of quote.split('…').map(norm).filter(Boolean)) {
    const found = SOURCE_NORM.indexOf(part, from);
    if (found === -1) return false;
    from = found + part.length;
  }
  return true;
}

describe('every value in governance/ shows where it comes from', () => {
  it('quotes („…“) only what stands in the Leitlinie', () => {
    let quotes = 0;
    for (const l of LEAVES) {
      for (const [, quote] of norm(l.value).matchAll(/„([^„“]+)“/g)) {
        quotes++;
        expect(quoted(quote!), `${where(l)}: „${quote}“ steht nicht in der Leitlinie`).toBe(true);
      }
    }
    expect(quotes).toBeGreaterThan(20);
  });

  it('cites only sections, figures and goals the Leitlinie has', () => {
    const abschnitte = new Set(ABSCHNITTE.map((a) => a.nummer));
    const abbildungen = new Map((leitlinie.abbildungen ?? []).map((b) => [b.nummer, b.titel]));
    const ziele = new Set(MODEL.ziele.map((z) => z.id));
    for (const l of LEAVES) {
      const text = norm(l.value);
      for (const [, nummer] of text.matchAll(/§([IVX]+)\b/g)) expect(abschnitte.has(nummer!), `${where(l)}: §${nummer}`).toBe(true);
      for (const [, nummer, titel] of text.matchAll(/Abbildung (\d+)(?: \(([^)]+)\))?/g)) {
        expect(abbildungen.has(Number(nummer)), `${where(l)}: Abbildung ${nummer}`).toBe(true);
        if (titel) expect(abbildungen.get(Number(nummer)), `${where(l)}: Abbildung ${nummer} (${titel})`).toMatch(new RegExp(`^${titel}`));
      }
      for (const [, id] of text.matchAll(/\bZiel (\d+\.\d+)\b/g)) expect(ziele.has(id!), `${where(l)}: Ziel ${id}`).toBe(true);
    }
  });

  it('labels every inference: herleitung starts with „Gefolgert, nicht im Text:“, an inference in a quelle with „Folgerung (nicht im Text):“', () => {
    const herleitungen = LEAVES.filter((l) => l.key === 'herleitung');
    expect(herleitungen.length).toBeGreaterThan(1);
    for (const l of herleitungen) expect(norm(l.value).startsWith(GEFOLGERT), where(l)).toBe(true);
    for (const l of LEAVES.filter((l) => l.key !== 'herleitung' && /Folgerung|[Gg]efolgert/.test(l.value))) {
      expect(norm(l.value), `${where(l)}: eine Folgerung trägt die Kennzeichnung`).toContain(FOLGERUNG);
    }
  });

  it('names a basis in every quelle: the Leitlinie (section, history, figure, goal), the facts table or a law', () => {
    const basis =
      /§[IVX]+|Dokumentenhistorie|Digitalisierungsleitlinie|Abbildung \d|Ziel \d|NKomVG|docs\/quellen\/fakten\.md|Internetseite der (Gemeinde|Stadt)|Amtliche Statistik/;
    const quellen = LEAVES.filter((l) => l.key === 'quelle');
    expect(quellen.length).toBeGreaterThan(10);
    for (const l of quellen) expect(l.value, where(l)).toMatch(basis);
  });

  it('records who approved v1.1 as an inference: the history names the HVB, no body', () => {
    for (const v of MODEL.historie!.versionen.filter((v) => v.beschlossenVon)) {
      const named = v.vermerk?.includes(MODEL.gremium(v.beschlossenVon!)!.name);
      if (!named) expect(v.herleitung, `Version ${v.version}: beschlossenVon ohne Herleitung`).toMatch(new RegExp(`^${GEFOLGERT}`));
    }
  });

  it('records the HVB-Runde’s members as an inference, and IKZ Digitalisierung’s with the sentence that names them', () => {
    const hvbRunde = MODEL.gremium('hvb-runde')!;
    expect(hvbRunde.zusammensetzung).toEqual([expect.objectContaining({ mitglieder: 'alle', rolle: 'hvb' })]);
    expect(norm(hvbRunde.quelle!)).toMatch(/Folgerung \(nicht im Text\): Die Leitlinie nennt die Zusammensetzung der HVB-Runde nicht/);
    expect(norm(MODEL.gremium('ikz-digitalisierung')!.quelle!)).toContain(
      '„Die Digitalisierungsleitlinie wird federführend von der IKZ Digitalisierung geplant und umgesetzt. Hier sind alle Gemeinden und der Landkreis vertreten.“',
    );
  });

  it('gives the basis of every HVB title: the Leitlinie says only „HVB“, the titles follow from the NKomVG', () => {
    const GRUNDLAGE: Record<string, string> = {
      'Bürgermeisterin oder Bürgermeister': 'in Gemeinden',
      'Landrätin oder Landrat': 'in Landkreisen',
      'Samtgemeindebürgermeisterin oder Samtgemeindebürgermeister': 'in Samtgemeinden',
    };
    for (const m of MODEL.mitglieder) {
      const hvb = m.hvb!;
      expect(SOURCE_NORM, m.id).not.toContain(hvb.amt);
      expect(hvb.quelle, m.id).toMatch(new RegExp(`^NKomVG § 7 Abs\\. 2 Nr\\. 3 \\(Bezeichnung der HVB ${GRUNDLAGE[hvb.amt]}[;)]`));
    }
  });

  it('describes the Verbund in the words of its source', () => {
    const verbund = MODEL.verbund!;
    expect(verbund.quelle).toMatch(/^§I Präambel/);
    const praeambel = ABSCHNITTE.find((a) => a.nummer === 'I')!;
    expect(praeambel.absaetze!.map(norm)).toContain(norm(verbund.beschreibung!));
  });
});
