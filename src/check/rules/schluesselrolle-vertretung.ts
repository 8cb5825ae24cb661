import { bekannt } from '../../model/types';
import { Vocabulary } from '../../model/vocabulary';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that key roles (those the vocabulary marks schluesselrolle, e.g. a CDO) have a deputy. */
export const schluesselrolleVertretung: Rule = {
  id: 'schluesselrolle-vertretung',
  severity: 'warning',
  category: 'empfehlung',
  grundlage: 'Empfehlung der Organisationsstudien zur interkommunalen Zusammenarbeit (nicht aus der Leitlinie): Schlüsselrollen haben eine Vertretung',
  description: 'Schlüsselrollen (im Vokabular mit schluesselrolle: true) nennen eine Vertretung, notfalls als offen.',
  check({ model }) {
    const vocabulary = Vocabulary.of(model);
    const keyRoles = vocabulary.flagged('rollen', 'schluesselrolle');
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      bekannt(m.rollen)?.forEach((r, i) => {
        if (!keyRoles.has(r.rolle) || r.vertretung !== undefined) return;
        findings.push({
          at: model.where(m, 'rollen', i),
          message: `Die Rolle „${vocabulary.name('rollen', r.rolle)}“ von „${m.id}“ hat keine Vertretung; bitte vertretung angeben (oder als offen erfassen).`,
        });
      });
    }
    return findings;
  },
};
