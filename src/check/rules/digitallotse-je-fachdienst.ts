import type { Rule, RuleFinding } from '../rule';

/** Ensures at least one Digitallotse (first contact for digital questions) per known Fachdienst. */
export const digitallotseJeFachdienst: Rule = {
  id: 'digitallotse-je-fachdienst',
  severity: 'warning',
  description: 'Jeder erfasste Fachdienst eines Mitglieds hat mindestens einen Digitallotsen (rollen: digitallotse mit einheit).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const m of model.mitglieder) {
      if (!Array.isArray(m.einheiten)) continue;
      const withLotse = new Set(Array.isArray(m.rollen) ? m.rollen.filter((r) => r.rolle === 'digitallotse').map((r) => r.einheit) : []);
      m.einheiten.forEach((e, i) => {
        if (e.art !== 'fachdienst' || withLotse.has(e.id)) return;
        findings.push({ at: model.where(m, 'einheiten', i), message: `Fachdienst „${e.name}“ (${m.id}) hat keinen Digitallotsen; bitte unter rollen eine Rolle digitallotse mit einheit: ${e.id} erfassen.`, subject: `mitglied:${m.id}` });
      });
    }
    return findings;
  },
};
