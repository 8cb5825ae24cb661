import { bekannt, isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that a decided cost key says on what it rests and when it applies: a key with a
 * distribution names its resolution (body, date, number) and its period; the resolution has
 * been taken (its date is not in the future), and the period does not end before it begins.
 * An undecided key keeps its distribution open, and then no item can use it.
 */
export const kostenRechtsgrundlage: Rule = {
  id: 'kosten-rechtsgrundlage',
  severity: 'error',
  category: 'integritaet',
  description:
    'Ein beschlossener Kostenschlüssel nennt seinen Beschluss (Gremium, Datum, Nummer) und seinen Geltungszeitraum; der Beschluss ist gefasst, der Zeitraum endet nicht vor seinem Beginn.',
  check({ model, today }) {
    const findings: RuleFinding[] = [];
    for (const k of model.kostenschluessel) {
      if (isOffen(k.verteilung)) continue; // undecided: offener-wert reports it
      const basis = bekannt(k.rechtsgrundlage);
      const period = bekannt(k.gilt);
      if (!basis) {
        findings.push({
          at: model.where(k, 'rechtsgrundlage'),
          message: `Der Schlüssel „${k.id}“ verteilt Kosten, nennt aber keinen Beschluss; bitte Gremium, Datum und Beschlussnummer angeben (oder die Verteilung offen lassen, solange nichts beschlossen ist).`,
        });
      } else if (basis.datum > today) {
        findings.push({
          at: model.where(k, 'rechtsgrundlage', 'datum'),
          message: `Der Beschluss „${basis.nummer}“ des Schlüssels „${k.id}“ trägt das Datum ${basis.datum}, das noch nicht erreicht ist; ein Schlüssel beruht nur auf einem gefassten Beschluss.`,
        });
      }
      if (!period) {
        findings.push({
          at: model.where(k, 'gilt'),
          message: `Der Schlüssel „${k.id}“ verteilt Kosten, nennt aber nicht, ab wann er gilt (gilt: { von: JJJJ-MM-TT }).`,
        });
      } else if (period.bis !== undefined && period.bis < period.von) {
        findings.push({
          at: model.where(k, 'gilt', 'bis'),
          message: `Der Schlüssel „${k.id}“ soll bis ${period.bis} gelten, also vor seinem Beginn am ${period.von} enden.`,
        });
      }
    }
    return findings;
  },
};
