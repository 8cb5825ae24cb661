import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that an adopted strategy says when it was adopted, and not in the future. */
export const strategieStand: Rule = {
  id: 'strategie-stand',
  severity: 'error',
  category: 'empfehlung',
  grundlage: 'Konvention des Werkzeugs (nicht aus der Leitlinie): ein Beschluss hat ein Datum, und es liegt nicht in der Zukunft',
  description: 'Eine beschlossene kommunale Strategie nennt ihr Beschlussdatum (notfalls offen); kein Datum liegt in der Zukunft.',
  check({ model, today }) {
    const findings: RuleFinding[] = [];
    for (const s of model.strategien) {
      if (s.status === 'beschlossen' && s.datum === undefined) {
        findings.push({
          at: model.where(s, 'status'),
          message: `Die Strategie von „${s.mitglied}“ ist beschlossen; bitte das Beschlussdatum (datum) angeben oder als offen erfassen.`,
        });
      }
      if (typeof s.datum === 'string' && !isOffen(s.datum) && s.datum > today) {
        findings.push({ at: model.where(s, 'datum'), message: `Die Strategie von „${s.mitglied}“ trägt das Datum ${s.datum}, das in der Zukunft liegt.` });
      }
    }
    return findings;
  },
};
