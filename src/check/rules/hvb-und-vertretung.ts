import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that every member names its head of administration and general deputy, in office today. */
export const hvbUndVertretung: Rule = {
  id: 'hvb-und-vertretung',
  severity: 'error',
  category: 'integritaet',
  description:
    'Der Verbund hat Mitglieder; jedes nennt seine HVB (hvb) und deren allgemeine Vertretung (vertretung), notfalls als offen; eine angegebene Amtszeit hat begonnen, ist nicht abgelaufen und endet nicht vor ihrem Beginn.',
  check({ model, today }) {
    const findings: RuleFinding[] = [];
    if (model.mitglieder.length === 0 && model.verbund && !model.hasUnloaded('mitglied')) {
      findings.push({
        at: model.where(model.verbund, 'id'),
        message: 'Der Verbund hat keine Mitglieder; bitte je Mitglied eine Datei unter governance/mitglieder/ anlegen.',
      });
    }
    for (const m of model.mitglieder) {
      if (!m.hvb) {
        findings.push({
          at: model.where(m, 'id'),
          message: `Mitglied „${m.id}“ nennt keine HVB (hvb: amt, name, github); unbekannte Angaben als offen erfassen.`,
        });
      }
      if (!m.vertretung) {
        findings.push({
          at: model.where(m, 'id'),
          message: `Mitglied „${m.id}“ nennt keine allgemeine Vertretung der HVB (vertretung); ist sie unbekannt, als offen erfassen.`,
        });
      }
      for (const [field, person] of [
        ['hvb', m.hvb],
        ['vertretung', m.vertretung],
      ] as const) {
        const period = person && !isOffen(person) ? person.gueltig : undefined;
        if (!period) continue;
        const at = (end: 'von' | 'bis') => model.where(m, field, 'gueltig', end);
        if (period.bis !== undefined && period.bis < period.von) {
          findings.push({ at: at('bis'), message: `Mitglied „${m.id}“: die Amtszeit bei „${field}“ endet (${period.bis}) vor ihrem Beginn (${period.von}).` });
        } else if (period.bis !== undefined && period.bis < today) {
          findings.push({
            at: at('bis'),
            message: `Mitglied „${m.id}“: die Amtszeit bei „${field}“ endete am ${period.bis}; bitte die aktuelle Besetzung eintragen.`,
          });
        } else if (period.von > today) {
          findings.push({
            at: at('von'),
            message: `Mitglied „${m.id}“: die Amtszeit bei „${field}“ beginnt erst am ${period.von}; bis dahin gilt die bisherige Besetzung.`,
          });
        }
      }
    }
    return findings;
  },
};
