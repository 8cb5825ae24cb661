import { findCycle } from '../../model/graph';
import type { Mitglied } from '../../model/types';
import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that every delegation of approval is in force, starts from someone who may
 * approve for the member (HVB, deputy, or an earlier delegate), and that delegations
 * never form a circle.
 */
export const delegationGueltig: Rule = {
  id: 'delegation-gueltig',
  severity: 'error',
  description: 'Delegationen des Freigaberechts sind nicht abgelaufen, haben einen gültigen Zeitraum, gehen von HVB, Vertretung oder einer früheren Delegation aus und bilden keinen Kreis.',
  check({ model, today }) {
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      const subject = `mitglied:${m.id}`;
      const delegations = m.delegationen ?? [];
      const entitled = entitledLogins(m);
      delegations.forEach((d, i) => {
        const at = (...path: (string | number)[]) => model.where(m, 'delegationen', i, ...path);
        if (d.gueltig.bis && d.gueltig.bis < d.gueltig.von) {
          findings.push({ at: at('gueltig', 'bis'), message: `Delegation von „${d.von}“ an „${d.an}“ endet (${d.gueltig.bis}) vor ihrem Beginn (${d.gueltig.von}).`, subject });
        } else if (d.gueltig.bis && d.gueltig.bis < today) {
          findings.push({ at: at('gueltig', 'bis'), message: `Delegation von „${d.von}“ an „${d.an}“ ist seit ${d.gueltig.bis} abgelaufen; bitte entfernen (die Historie bleibt in Git).`, subject });
        }
        if (d.von === d.an) {
          findings.push({ at: at('an'), message: `Delegation von „${d.von}“ an sich selbst ist wirkungslos.`, subject });
        } else if (entitled.size > 0 && !entitled.has(d.von) && !delegations.some((other) => other.an === d.von)) {
          findings.push({ at: at('von'), message: `„${d.von}“ darf für „${m.id}“ nicht freigeben und kann daher nichts übertragen; übertragen können die HVB, die Vertretung oder wer selbst eine Delegation erhalten hat.`, subject });
        }
      });
      const cycle = findCycle(delegations.map((d) => [d.von, d.an]));
      if (cycle) {
        const index = delegations.findIndex((d) => d.von === cycle[0] && d.an === cycle[1]);
        findings.push({ at: model.where(m, 'delegationen', index), message: `Die Delegationen bilden einen Kreis: ${[...cycle, cycle[0]].join(' → ')}.`, subject });
      }
    }
    return findings;
  },
};

function entitledLogins(m: Mitglied): Set<string> {
  const logins = new Set<string>();
  for (const person of [m.hvb, m.vertretung]) {
    if (person && !isOffen(person) && typeof person.github === 'string') logins.add(person.github);
  }
  return logins;
}
