import { bekannt, type RollenArt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

const KEY_ROLES: ReadonlySet<RollenArt> = new Set(['cdo', 'informationssicherheitsbeauftragte', 'datenschutzbeauftragte']);

/** Ensures that key roles (CDO, information security and data protection officers) have a deputy. */
export const schluesselrolleVertretung: Rule = {
  id: 'schluesselrolle-vertretung',
  severity: 'warning',
  category: 'empfehlung',
  description: 'Schlüsselrollen (CDO, Informationssicherheits- und Datenschutzbeauftragte) nennen eine Vertretung, notfalls als offen.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      bekannt(m.rollen)?.forEach((r, i) => {
        if (!KEY_ROLES.has(r.rolle) || r.vertretung !== undefined) return;
        findings.push({
          at: model.where(m, 'rollen', i),
          message: `Die Rolle „${r.rolle}“ von „${m.id}“ hat keine Vertretung; bitte vertretung angeben (oder als offen erfassen).`,
        });
      });
    }
    return findings;
  },
};
