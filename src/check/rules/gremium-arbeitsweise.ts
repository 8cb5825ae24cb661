import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

const REQUIRED = [
  ['ebene', 'eine Ebene (aus vokabular.gremienebenen)'],
  ['sitzungsrhythmus', 'einen Sitzungsrhythmus'],
  ['entscheidungsregel', 'eine Entscheidungsregel (einstimmig, konsens oder mehrheit mit Mehrheit und Quorum)'],
] as const;

/** Ensures that every body says at which level it works, how often it meets and how it decides. */
export const gremiumArbeitsweise: Rule = {
  id: 'gremium-arbeitsweise',
  severity: 'error',
  category: 'empfehlung',
  grundlage:
    'Empfehlung der Organisationsstudien zur interkommunalen Zusammenarbeit (nicht aus der Leitlinie): jedes Gremium hat eine Ebene, einen Sitzungsrhythmus und eine Entscheidungsregel',
  description:
    'Jedes Gremium nennt Ebene, Sitzungsrhythmus und Entscheidungsregel (notfalls als offen); eine Mehrheitsregel nennt Mehrheit und Quorum (notfalls als offen).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const g of model.gremien) {
      for (const [field, what] of REQUIRED) {
        if (g[field] === undefined) {
          findings.push({
            at: model.where(g, 'id'),
            message: `Gremium „${g.id}“ nennt keine Angabe „${field}“: bitte ${what} angeben oder als offen erfassen.`,
          });
        }
      }
      const regel = g.entscheidungsregel;
      if (regel && !isOffen(regel) && regel.art === 'mehrheit' && (regel.mehrheit === undefined || regel.quorum === undefined)) {
        findings.push({
          at: model.where(g, 'entscheidungsregel'),
          message: `Gremium „${g.id}“ entscheidet mit Mehrheit; bitte die Mehrheit (aus vokabular.mehrheiten) und das Quorum als Bruch (z. B. 1/2) angeben, oder als offen erfassen.`,
        });
      }
    }
    return findings;
  },
};
