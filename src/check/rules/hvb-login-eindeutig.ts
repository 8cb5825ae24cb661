import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that no GitHub login approves for two members as HVB or general deputy. */
export const hvbLoginEindeutig: Rule = {
  id: 'hvb-login-eindeutig',
  severity: 'error',
  description: 'Keine GitHub-Kennung hat den Freigabesitz (HVB oder allgemeine Vertretung) zweier Mitglieder inne.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const seats = new Map<string, string>();
    for (const m of model.mitglieder) {
      for (const field of ['hvb', 'vertretung'] as const) {
        const person = m[field];
        if (!person || isOffen(person) || typeof person.github !== 'string') continue;
        const login = person.github.toLowerCase();
        const holder = seats.get(login);
        if (holder !== undefined && holder !== m.id) {
          findings.push({ at: model.where(m, field, 'github'), message: `Die GitHub-Kennung „${person.github}“ gibt bereits für „${holder}“ frei; eine Kennung darf nur für ein Mitglied freigeben.`, subject: `mitglied:${m.id}` });
        } else {
          seats.set(login, m.id);
        }
      }
    }
    return findings;
  },
};
