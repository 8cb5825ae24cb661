import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that the sections of the Leitlinie have distinct numbers and that every reference to
 * a section (where a figure, the vision or the rating stands) names one that exists.
 */
export const leitlinieAbschnitte: Rule = {
  id: 'leitlinie-abschnitte',
  severity: 'error',
  category: 'integritaet',
  description: 'Jeder Abschnitt der Leitlinie hat eine eigene Nummer, und jede Abbildung, die Vision und die Wirkung nennen einen vorhandenen Abschnitt.',
  check({ model }) {
    const leitlinie = model.leitlinie;
    // Sections not yet recorded (open): there is nothing to refer to or to compare.
    const abschnitte = leitlinie && bekannt(leitlinie.abschnitte);
    if (!leitlinie || !abschnitte) return [];
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    abschnitte.forEach((a, i) => {
      if (seen.has(a.nummer)) {
        findings.push({
          at: model.where(leitlinie, 'abschnitte', i, 'nummer'),
          message: `Die Abschnittsnummer „${a.nummer}“ kommt mehrfach vor; jeder Abschnitt braucht eine eigene Nummer.`,
        });
      }
      seen.add(a.nummer);
    });
    const known = `Vorhanden sind: ${[...seen].join(', ')}.`;
    const ref = (nummer: string | undefined, what: string, ...path: (string | number)[]) => {
      if (nummer === undefined || seen.has(nummer)) return;
      findings.push({ at: model.where(leitlinie, ...path), message: `${what} nennt den Abschnitt „${nummer}“, den die Leitlinie nicht hat. ${known}` });
    };
    ref(leitlinie.vision?.abschnitt, 'Die Vision', 'vision', 'abschnitt');
    ref(leitlinie.wirkung?.abschnitt, 'Die Wirkung', 'wirkung', 'abschnitt');
    leitlinie.abbildungen?.forEach((b, i) => ref(b.abschnitt, `Die Abbildung „${b.titel}“`, 'abbildungen', i, 'abschnitt'));
    return findings;
  },
};
