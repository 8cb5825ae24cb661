import type { Rule, RuleFinding } from '../rule';

/** Warns about a dimension no goal belongs to: usually a goal file that was deleted or renumbered. */
export const dimensionMitZielen: Rule = {
  id: 'dimension-mit-zielen',
  severity: 'warning',
  category: 'empfehlung',
  grundlage: 'Konvention des Werkzeugs (nicht aus der Leitlinie): ein Handlungsbereich ohne Ziel ist meist ein Versehen',
  description: 'Zu jeder Dimension gehört mindestens ein Ziel.',
  check({ model }) {
    if (model.hasUnloaded('ziel')) return []; // a broken goal file may be the missing one
    const used = new Set(model.ziele.map((z) => z.dimension));
    const findings: RuleFinding[] = [];
    for (const d of model.dimensionen) {
      if (used.has(d.id)) continue;
      findings.push({
        at: model.where(d, 'id'),
        message: `Zur Dimension „${d.id}“ (${d.name}) gehört kein Ziel; bitte ein Ziel zuordnen oder die Dimension entfernen.`,
      });
    }
    return findings;
  },
};
