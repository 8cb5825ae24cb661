import { formatExact, sumFractions } from '../../model/fraction';
import { verteilungen } from '../../model/kosten';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that a cost key's fixed shares leave nothing over and take nothing twice: the shares
 * of a fixed key add up to exactly 1, and the stages of a staged key to exactly 1 or to at most
 * 1 with one stage (the last) taking the rest. Fractions are compared exactly.
 */
export const kostenAnteile: Rule = {
  id: 'kosten-anteile',
  severity: 'error',
  category: 'integritaet',
  description: 'Feste Anteile eines Kostenschlüssels ergeben genau 1 (100 %); Stufen ergeben genau 1, oder höchstens 1 mit der letzten Stufe als Rest.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const k of model.kostenschluessel) {
      for (const { verteilung: v, path } of verteilungen(k)) {
        if (v.art === 'fest') {
          const sum = sumFractions(Object.values(v.anteile ?? {}));
          if (sum.numerator !== sum.denominator)
            findings.push({ at: model.where(k, ...path, 'anteile'), message: `Die festen Anteile ergeben ${formatExact(sum)}, nicht genau 1 (100 %).` });
        }
        if (v.art === 'stufen') {
          const stufen = v.stufen ?? [];
          const rest = stufen.findIndex((s) => s.anteil === 'rest');
          const sum = sumFractions(stufen.flatMap((s) => (s.anteil === 'rest' ? [] : [s.anteil])));
          if (rest >= 0 && rest !== stufen.length - 1) {
            findings.push({ at: model.where(k, ...path, 'stufen', rest, 'anteil'), message: 'Nur die letzte Stufe kann den Rest nehmen.' });
          } else if (rest >= 0 && sum.numerator > sum.denominator) {
            findings.push({
              at: model.where(k, ...path, 'stufen'),
              message: `Die festen Anteile der Stufen ergeben ${formatExact(sum)}, mehr als 1; für den Rest bliebe nichts.`,
            });
          } else if (rest < 0 && sum.numerator !== sum.denominator) {
            findings.push({
              at: model.where(k, ...path, 'stufen'),
              message: `Die Anteile der Stufen ergeben ${formatExact(sum)}, nicht genau 1; sonst bitte die letzte Stufe mit anteil: rest.`,
            });
          }
        }
      }
    }
    return findings;
  },
};
