import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that a reached milestone says when, and only a reached one, and not in the future. */
export const meilensteinStatusDatum: Rule = {
  id: 'meilenstein-status-datum',
  severity: 'error',
  category: 'integritaet',
  description: 'Ein erreichter Meilenstein nennt das Datum (erreichtAm), ein nicht erreichter keines; das Datum liegt nicht in der Zukunft.',
  check({ model, today }) {
    const findings: RuleFinding[] = [];
    for (const z of model.ziele) {
      z.meilensteine.forEach((m, i) => {
        if (m.status === 'erreicht' && m.erreichtAm === undefined) {
          findings.push({
            at: model.where(z, 'meilensteine', i, 'status'),
            message: `Meilenstein „${m.id}“ ist erreicht, aber erreichtAm fehlt; bitte das Datum angeben (oder offen mit Begründung).`,
          });
        }
        if (m.status !== 'erreicht' && m.erreichtAm !== undefined) {
          findings.push({
            at: model.whereKey(z, 'meilensteine', i, 'erreichtAm'),
            message: `Meilenstein „${m.id}“ hat den Status „${m.status}“, nennt aber erreichtAm; das Datum gehört nur zu status: erreicht.`,
          });
        }
        if (typeof m.erreichtAm === 'string' && !isOffen(m.erreichtAm) && m.erreichtAm > today) {
          findings.push({
            at: model.where(z, 'meilensteine', i, 'erreichtAm'),
            message: `Meilenstein „${m.id}“: erreichtAm ${m.erreichtAm} liegt in der Zukunft.`,
          });
        }
      });
    }
    return findings;
  },
};
