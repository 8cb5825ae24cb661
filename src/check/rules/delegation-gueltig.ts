import { delegationProblem, loginKey } from '../../model/approval';
import { findCycle } from '../../model/graph';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that every delegation of approval has a sound period and stems from the HVB or from
 * a delegation that covers it; and that delegations never form a circle. An expired delegation
 * is no error: it stays on record, because a review given while it was in force still counts
 * (approvals are judged on the day of the review) and auditors read who could approve when.
 */
export const delegationGueltig: Rule = {
  id: 'delegation-gueltig',
  severity: 'error',
  category: 'integritaet',
  description:
    'Delegationen des Freigaberechts haben einen gültigen Zeitraum (abgelaufene bleiben als Nachweis stehen), stammen von der HVB oder aus einer Delegation, die sie zeitlich umfasst, und bilden keinen Kreis (die allgemeine Vertretung gibt nur mit Delegation frei).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      const delegations = m.delegationen ?? [];
      delegations.forEach((d, i) => {
        const at = (...path: (string | number)[]) => model.where(m, 'delegationen', i, ...path);
        if (d.gueltig.bis < d.gueltig.von) {
          findings.push({
            at: at('gueltig', 'bis'),
            message: `Delegation von „${d.von}“ an „${d.an}“ endet (${d.gueltig.bis}) vor ihrem Beginn (${d.gueltig.von}).`,
          });
        }
        if (loginKey(d.von) === loginKey(d.an)) {
          findings.push({ at: at('an'), message: `Delegation von „${d.von}“ an sich selbst ist wirkungslos.` });
          return;
        }
        const problem = delegationProblem(m, i);
        if (problem) findings.push({ at: at('von'), message: problem });
      });
      const cycle = findCycle(delegations.map((d) => [loginKey(d.von), loginKey(d.an)] as const).filter(([a, b]) => a !== b));
      if (cycle) {
        const index = delegations.findIndex((d) => loginKey(d.von) === cycle[0] && loginKey(d.an) === cycle[1]);
        findings.push({ at: model.where(m, 'delegationen', index), message: `Die Delegationen bilden einen Kreis: ${[...cycle, cycle[0]].join(' → ')}.` });
      }
    }
    return findings;
  },
};
