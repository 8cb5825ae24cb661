import { parseFraction } from '../../model/fraction';
import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that a quorum or a majority's share is a share of the whole: more than 0, at most 1. */
export const anteilHoechstensEins: Rule = {
  id: 'anteil-hoechstens-eins',
  severity: 'error',
  category: 'integritaet',
  description: 'Ein Quorum oder der Anteil einer Mehrheit ist ein Bruch größer als 0 und höchstens 1 (z. B. 1/2 oder 2/3).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const share = (text: string, item: object, ...path: (string | number)[]) => {
      const { numerator, denominator } = parseFraction(text);
      if (numerator <= denominator) return;
      findings.push({
        at: model.where(item, ...path),
        message: `Der Anteil ${text} ist größer als 1; ein Anteil reicht höchstens bis 1/1 (alle), z. B. 1/2 oder 2/3.`,
      });
    };
    for (const g of model.gremien) {
      const quorum = bekannt(bekannt(g.entscheidungsregel)?.quorum);
      if (quorum !== undefined) share(quorum, g, 'entscheidungsregel', 'quorum');
    }
    const verbund = model.verbund;
    verbund?.vokabular.mehrheiten.forEach((m, i) => {
      if (m.anteil !== undefined) share(m.anteil, verbund, 'vokabular', 'mehrheiten', i, 'anteil');
    });
    return findings;
  },
};
