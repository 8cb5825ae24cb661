import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that the member list in verbund.yaml and the member files agree, so that a member
 * cannot silently vanish (a deleted file) or appear (a stray file).
 */
export const mitgliedGelistet: Rule = {
  id: 'mitglied-gelistet',
  severity: 'error',
  category: 'integritaet',
  description: 'Jedes Mitglied der Liste in verbund.yaml (mitglieder) hat eine Datei unter governance/mitglieder/, und jede Mitgliedsdatei steht in der Liste.',
  check({ model }) {
    const verbund = model.verbund;
    if (!verbund) return [];
    const findings: RuleFinding[] = [];
    const listed = new Set(verbund.mitglieder);
    verbund.mitglieder.forEach((id, i) => {
      if (model.exists('mitglied', id)) return;
      findings.push({
        at: model.where(verbund, 'mitglieder', i),
        message: `„${id}“ steht in der Mitgliederliste, aber governance/mitglieder/${id}.yaml fehlt; bitte die Datei anlegen oder den Eintrag entfernen.`,
      });
    });
    for (const m of model.mitglieder) {
      if (listed.has(m.id)) continue;
      findings.push({
        at: model.where(m, 'id'),
        message: `Das Mitglied „${m.id}“ steht nicht in der Mitgliederliste von governance/verbund.yaml (mitglieder); bitte eintragen oder die Datei entfernen.`,
      });
    }
    return findings;
  },
};
