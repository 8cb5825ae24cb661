import { Vocabulary } from '../../model/vocabulary';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that only members of a kind marked kreisschluessel carry one: on a municipality it is a copy-and-paste slip. */
export const kreisschluesselNurKreis: Rule = {
  id: 'kreisschluessel-nur-kreis',
  severity: 'error',
  category: 'empfehlung',
  grundlage: 'Konvention des Werkzeugs (nicht aus der Leitlinie): der Kreisschlüssel bezeichnet den Kreis, nicht seine Gemeinden',
  description:
    'Nur Mitglieder einer Art mit kreisschluessel: true im Vokabular (z. B. ein Landkreis) nennen einen Kreisschlüssel; eine Gemeinde hat keinen eigenen.',
  check({ model }) {
    const vocabulary = Vocabulary.of(model);
    const withKey = vocabulary.flagged('mitgliedsarten', 'kreisschluessel');
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      if (m.kreisschluessel === undefined || withKey.has(m.art)) continue;
      findings.push({
        at: model.whereKey(m, 'kreisschluessel'),
        message: `„${m.id}“ (${vocabulary.name('mitgliedsarten', m.art)}) hat keinen eigenen Kreisschlüssel; bitte kreisschluessel entfernen (er gehört zum Kreis).`,
      });
    }
    return findings;
  },
};
