import type { Rule, RuleFinding } from '../rule';

/** Ensures that only a Landkreis carries a Kreisschlüssel: on a municipality it is a copy-and-paste slip. */
export const kreisschluesselNurKreis: Rule = {
  id: 'kreisschluessel-nur-kreis',
  severity: 'error',
  category: 'empfehlung',
  description: 'Nur ein Landkreis nennt einen Kreisschlüssel (kreisschluessel); eine Gemeinde, Stadt oder Samtgemeinde hat keinen eigenen.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      if (m.kreisschluessel === undefined || m.art === 'Landkreis') continue;
      findings.push({
        at: model.whereKey(m, 'kreisschluessel'),
        message: `„${m.id}“ ist ${m.art === 'Stadt' ? 'eine Stadt' : `eine ${m.art}`} und hat keinen eigenen Kreisschlüssel; bitte kreisschluessel entfernen (er gehört zum Landkreis).`,
      });
    }
    return findings;
  },
};
