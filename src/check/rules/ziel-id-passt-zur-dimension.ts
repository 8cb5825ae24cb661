import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that goal 2.3 belongs to dimension 2, and milestone 2.3-M1 and measure 2.3-A1 to goal 2.3. */
export const zielIdPasstZurDimension: Rule = {
  id: 'ziel-id-passt-zur-dimension',
  severity: 'error',
  category: 'integritaet',
  description: 'Die Nummer eines Ziels beginnt mit seiner Dimension; Meilensteine und Maßnahmen tragen die Nummer ihres Ziels.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const z of model.ziele) {
      const dimension = z.id.split('.')[0];
      if (dimension !== z.dimension) {
        findings.push({
          at: model.where(z, 'dimension'),
          message: `Ziel „${z.id}“ gehört nach seiner Nummer zur Dimension „${dimension}“, angegeben ist „${z.dimension}“.`,
        });
      }
      const children = [
        ...z.meilensteine.map((m, i) => ({ id: m.id, path: ['meilensteine', i, 'id'], label: 'Meilenstein' })),
        ...(bekannt(z.massnahmen) ?? []).map((m, i) => ({ id: m.id, path: ['massnahmen', i, 'id'], label: 'Maßnahme' })),
      ];
      for (const child of children) {
        if (child.id.split('-')[0] !== z.id) {
          findings.push({
            at: model.where(z, ...child.path),
            message: `${child.label} „${child.id}“ steht in Ziel „${z.id}“; seine Kennung muss mit „${z.id}-“ beginnen.`,
          });
        }
      }
    }
    return findings;
  },
};
