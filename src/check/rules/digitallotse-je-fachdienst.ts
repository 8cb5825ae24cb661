import { bekannt } from '../../model/types';
import { Vocabulary } from '../../model/vocabulary';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures at least one person per known Fachdienst in every role the vocabulary marks
 * jeFachdienst (in most Verbünde the Digitallotse, the first contact for digital questions),
 * each placed in a Fachdienst.
 */
export const digitallotseJeFachdienst: Rule = {
  id: 'digitallotse-je-fachdienst',
  severity: 'warning',
  category: 'empfehlung',
  grundlage: 'Empfehlung der Organisationsstudien zur interkommunalen Zusammenarbeit (nicht aus der Leitlinie): mindestens ein Digitallotse je Fachdienst',
  description:
    'Jeder erfasste Fachdienst eines Mitglieds hat in jeder Rolle mit jeFachdienst: true im Vokabular (z. B. Digitallotse) mindestens eine Person, und diese gehört zu einem Fachdienst (rollen mit einheit).',
  check({ model }) {
    const vocabulary = Vocabulary.of(model);
    const findings: RuleFinding[] = [];
    for (const rolle of vocabulary.flagged('rollen', 'jeFachdienst')) {
      const label = vocabulary.name('rollen', rolle);
      for (const m of model.mitglieder) findings.push(...checkMember(model, m, rolle, label));
    }
    return findings;
  },
};

function checkMember(model: Parameters<Rule['check']>[0]['model'], m: (typeof model.mitglieder)[number], rolle: string, label: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const einheiten = bekannt(m.einheiten) ?? [];
  const rollen = bekannt(m.rollen) ?? [];
  rollen.forEach((r, i) => {
    if (r.rolle !== rolle) return;
    const einheit = einheiten.find((e) => e.id === r.einheit);
    if (r.einheit === undefined) {
      findings.push({
        at: model.where(m, 'rollen', i),
        message: `Eine Rolle „${label}“ von „${m.id}“ nennt keinen Fachdienst (einheit); diese Rolle gehört je Fachdienst zu einem Fachdienst.`,
      });
    } else if (einheit?.art === 'stabsstelle') {
      findings.push({
        at: model.where(m, 'rollen', i, 'einheit'),
        message: `Eine Rolle „${label}“ von „${m.id}“ ist der Stabsstelle „${einheit.name}“ zugeordnet; sie gehört zu einem Fachdienst.`,
      });
    }
  });
  const covered = new Set(rollen.filter((r) => r.rolle === rolle).map((r) => r.einheit));
  einheiten.forEach((e, i) => {
    if (e.art !== 'fachdienst' || covered.has(e.id)) return;
    findings.push({
      at: model.where(m, 'einheiten', i),
      message: `Fachdienst „${e.name}“ (${m.id}) hat keine Rolle „${label}“; bitte unter rollen eine Rolle ${rolle} mit einheit: ${e.id} erfassen.`,
    });
  });
  return findings;
}
