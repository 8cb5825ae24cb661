import { loginKey } from '../../model/approval';
import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that no GitHub login holds two approval seats (HVB or general deputy), neither of
 * two members nor both seats of one member. Logins compare without regard to case.
 */
export const hvbLoginEindeutig: Rule = {
  id: 'hvb-login-eindeutig',
  severity: 'error',
  category: 'integritaet',
  description:
    'Keine GitHub-Kennung hat zwei Freigabesitze inne (HVB oder allgemeine Vertretung, auch nicht beide eines Mitglieds); Groß- und Kleinschreibung zählt nicht.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const seats = new Map<string, { member: string; field: string }>();
    for (const m of model.mitglieder) {
      for (const field of ['hvb', 'vertretung'] as const) {
        const person = m[field];
        if (!person || isOffen(person) || isOffen(person.github)) continue;
        const holder = seats.get(loginKey(person.github));
        if (holder === undefined) {
          seats.set(loginKey(person.github), { member: m.id, field });
          continue;
        }
        const where =
          holder.member === m.id
            ? `ist bereits ${holder.field === 'hvb' ? 'HVB' : 'Vertretung'} desselben Mitglieds`
            : `gibt bereits für „${holder.member}“ frei`;
        findings.push({
          at: model.where(m, field, 'github'),
          message: `Die GitHub-Kennung „${person.github}“ ${where}; eine Kennung darf nur einen Freigabesitz innehaben.`,
        });
      }
    }
    return findings;
  },
};
