import type { Rule, RuleFinding } from '../rule';

/** Ensures that a measure done "Einer für Alle" names who does it, and only such a measure does. */
export const massnahmeEinerFuerAlle: Rule = {
  id: 'massnahme-einer-fuer-alle',
  severity: 'error',
  category: 'integritaet',
  description:
    'Eine Maßnahme mit modus einerFuerAlle nennt das Mitglied, das sie für alle übernimmt (durch), und führt sie durch dieses aus; andere Maßnahmen nennen keines.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const { ziel, massnahme: m, path } of model.massnahmen()) {
      if (m.modus === 'einerFuerAlle' && !m.durch) {
        findings.push({
          at: model.where(ziel, ...path, 'modus'),
          message: `Maßnahme „${m.id}“ wird „Einer für Alle“ erledigt; bitte unter durch das Mitglied angeben, das sie übernimmt.`,
        });
      }
      if (m.modus === 'einerFuerAlle' && m.durch && m.ausfuehrend?.mitglied && m.ausfuehrend.mitglied !== m.durch) {
        findings.push({
          at: model.where(ziel, ...path, 'ausfuehrend', 'mitglied'),
          message: `Maßnahme „${m.id}“ übernimmt „${m.durch}“ für alle; ausführend ist aber „${m.ausfuehrend.mitglied}“. Beides muss dasselbe Mitglied sein.`,
        });
      }
      if (m.modus !== 'einerFuerAlle' && m.durch) {
        findings.push({
          at: model.whereKey(ziel, ...path, 'durch'),
          message: `Maßnahme „${m.id}“ hat den Modus „${m.modus}“; durch gehört nur zu modus: einerFuerAlle.`,
        });
      }
    }
    return findings;
  },
};
