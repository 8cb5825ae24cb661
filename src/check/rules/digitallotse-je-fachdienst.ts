import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Ensures at least one Digitallotse (first contact for digital questions) per known Fachdienst, each placed in one. */
export const digitallotseJeFachdienst: Rule = {
  id: 'digitallotse-je-fachdienst',
  severity: 'warning',
  category: 'empfehlung',
  description:
    'Jeder erfasste Fachdienst eines Mitglieds hat mindestens einen Digitallotsen, und jeder Digitallotse gehört zu einem Fachdienst (rollen: digitallotse mit einheit).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      const einheiten = bekannt(m.einheiten) ?? [];
      const rollen = bekannt(m.rollen) ?? [];
      rollen.forEach((r, i) => {
        if (r.rolle !== 'digitallotse') return;
        const einheit = einheiten.find((e) => e.id === r.einheit);
        if (r.einheit === undefined) {
          findings.push({
            at: model.where(m, 'rollen', i),
            message: `Ein Digitallotse von „${m.id}“ nennt keinen Fachdienst (einheit); Digitallotsen sind die erste Anlaufstelle in ihrem Fachdienst.`,
          });
        } else if (einheit?.art === 'stabsstelle') {
          findings.push({
            at: model.where(m, 'rollen', i, 'einheit'),
            message: `Ein Digitallotse von „${m.id}“ ist der Stabsstelle „${einheit.name}“ zugeordnet; Digitallotsen gehören zu einem Fachdienst.`,
          });
        }
      });
      const withLotse = new Set(rollen.filter((r) => r.rolle === 'digitallotse').map((r) => r.einheit));
      einheiten.forEach((e, i) => {
        if (e.art !== 'fachdienst' || withLotse.has(e.id)) return;
        findings.push({
          at: model.where(m, 'einheiten', i),
          message: `Fachdienst „${e.name}“ (${m.id}) hat keinen Digitallotsen; bitte unter rollen eine Rolle digitallotse mit einheit: ${e.id} erfassen.`,
        });
      });
    }
    return findings;
  },
};
