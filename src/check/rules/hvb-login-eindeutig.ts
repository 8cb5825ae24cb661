import { loginKey } from '../../model/approval';
import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that no GitHub login holds two approval seats (HVB or general deputy), neither of
 * two members nor both seats of one member, and that no numeric GitHub id does: an id names
 * one account, so a second seat with it would let one person's review count for another.
 * Logins compare without regard to case.
 */
export const hvbLoginEindeutig: Rule = {
  id: 'hvb-login-eindeutig',
  severity: 'error',
  category: 'integritaet',
  description:
    'Keine GitHub-Kennung und keine numerische GitHub-ID (githubId) hat zwei Freigabesitze inne (HVB oder allgemeine Vertretung, auch nicht beide eines Mitglieds); Groß- und Kleinschreibung zählt nicht.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const seats = new Map<string, { member: string; field: string }>();
    const ids = new Map<number, { member: string; field: string }>();
    for (const m of model.mitglieder) {
      for (const field of ['hvb', 'vertretung'] as const) {
        const person = m[field];
        if (!person || isOffen(person)) continue;
        if (person.githubId !== undefined) {
          const holder = ids.get(person.githubId);
          if (holder) {
            findings.push({
              at: model.where(m, field, 'githubId'),
              message: `Die GitHub-ID ${person.githubId} steht schon bei ${holder.field === 'hvb' ? 'der HVB' : 'der Vertretung'} von „${holder.member}“; eine ID gehört zu genau einem Konto und Freigabesitz.`,
            });
          } else ids.set(person.githubId, { member: m.id, field });
        }
        if (isOffen(person.github)) continue;
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
