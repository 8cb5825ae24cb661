import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that every member names its head of administration and general deputy, in office today. */
export const hvbUndVertretung: Rule = {
  id: 'hvb-und-vertretung',
  severity: 'error',
  description: 'Jedes Mitglied nennt seine HVB (hvb) und deren allgemeine Vertretung (vertretung), notfalls als offen; eine angegebene Amtszeit ist nicht abgelaufen.',
  check({ model, today }) {
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      const subject = `mitglied:${m.id}`;
      if (!m.hvb) {
        findings.push({ at: model.where(m, 'id'), message: `Mitglied „${m.id}“ nennt keine HVB (hvb: amt, name, github); unbekannte Angaben als offen erfassen.`, subject });
      }
      if (!m.vertretung) {
        findings.push({ at: model.where(m, 'id'), message: `Mitglied „${m.id}“ nennt keine allgemeine Vertretung der HVB (vertretung); ist sie unbekannt, als offen erfassen.`, subject });
      }
      for (const [field, person] of [['hvb', m.hvb], ['vertretung', m.vertretung]] as const) {
        if (!person || isOffen(person) || !person.gueltig?.bis || person.gueltig.bis >= today) continue;
        findings.push({ at: model.where(m, field, 'gueltig', 'bis'), message: `Mitglied „${m.id}“: die Amtszeit bei „${field}“ endete am ${person.gueltig.bis}; bitte die aktuelle Besetzung eintragen.`, subject });
      }
    }
    return findings;
  },
};
