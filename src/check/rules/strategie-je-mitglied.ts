import type { Rule, RuleFinding } from '../rule';

/** Ensures that every member, which derives its own strategy from the Leitlinie, has an entry (in Osterholz: §XI). */
export const strategieJeMitglied: Rule = {
  id: 'strategie-je-mitglied',
  severity: 'error',
  category: 'leitlinie',
  description:
    'Jedes Mitglied hat einen Eintrag unter governance/strategien/ für seine eigene, aus der Leitlinie abgeleitete Strategie, auch wenn sein Stand noch offen ist.',
  check({ model }) {
    const withStrategy = new Set(model.strategien.map((s) => s.mitglied));
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      if (withStrategy.has(m.id) || model.isUnloaded(`strategie:${m.id}`)) continue;
      findings.push({
        at: model.where(m, 'id'),
        message: `Für das Mitglied „${m.id}“ fehlt governance/strategien/${m.id}.yaml (jedes Mitglied leitet eine eigene Strategie ab; ein unbekannter Stand wird als offen erfasst).`,
      });
    }
    return findings;
  },
};
