import { verteilungen } from '../../model/kosten';
import { Vocabulary } from '../../model/vocabulary';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that no inhabitant is counted twice: a Kreis's inhabitants are those of its
 * municipalities, so a distribution by inhabitants (or base amount plus inhabitants) that
 * includes the Kreis and a municipality charges the same people twice. The Kreis's share is
 * set apart instead: a fixed share, or a stage of its own.
 */
export const kostenEinwohnerEinmal: Rule = {
  id: 'kosten-einwohner-einmal',
  severity: 'error',
  category: 'integritaet',
  description:
    'Eine Verteilung nach Einwohnern nimmt nie den Kreis zusammen mit Gemeinden auf (seine Einwohner sind die ihren); der Anteil des Kreises steht als fester Anteil oder als eigene Stufe.',
  check({ model }) {
    const kreise = Vocabulary.of(model).flagged('mitgliedsarten', 'kreisschluessel');
    const isKreis = (id: string) => kreise.has(model.mitglied(id)?.art ?? '');
    const findings: RuleFinding[] = [];
    for (const k of model.kostenschluessel) {
      for (const { verteilung: v, path } of verteilungen(k)) {
        if (v.art !== 'einwohner' && v.art !== 'sockel') continue;
        const members = v.mitglieder ?? model.mitglieder.map((m) => m.id);
        const kreis = members.find(isKreis);
        if (kreis && members.some((m) => !isKreis(m))) {
          findings.push({
            at: model.where(k, ...path, v.mitglieder ? 'mitglieder' : 'art'),
            message: `Die Verteilung nach Einwohnern zählt „${kreis}“ und seine Gemeinden zugleich: die Einwohner des Kreises sind die seiner Gemeinden und würden doppelt gezählt. Den Anteil des Kreises bitte als festen Anteil oder eigene Stufe angeben (art: stufen) und hier nur die Gemeinden nennen (mitglieder).`,
          });
        }
      }
    }
    return findings;
  },
};
