import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures the emergency backup of goal 1.1's kind: every member with data in a shared service
 * backs it up at a partner that is another member, at another site, named once; the pairs and
 * sites name only members.
 */
export const sicherungPartner: Rule = {
  id: 'sicherung-partner',
  severity: 'error',
  category: 'integritaet',
  description:
    'Jedes Mitglied mit Daten in einem gemeinsamen Dienst hat genau einen Sicherungspartner (governance/notfall/sicherung.yaml): ein anderes Mitglied an einem anderen Standort.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const withData = new Set(model.dienste.filter((d) => d.mitgliederdaten).map((d) => d.id));
    const needing = model.mitglieder.filter((m) => (m.dienste ?? []).some((id) => withData.has(id)));
    const sicherung = model.sicherung;
    if (!sicherung) {
      for (const m of needing) {
        findings.push({
          at: model.where(m, 'dienste'),
          message: `„${m.id}“ hat Daten in einem gemeinsamen Dienst, aber es gibt keine governance/notfall/sicherung.yaml mit seinem Sicherungspartner.`,
        });
      }
      return findings;
    }
    const paired = new Map<string, number>();
    sicherung.paare.forEach((p, i) => {
      const at = (...path: (string | number)[]) => model.where(sicherung, 'paare', i, ...path);
      if (paired.has(p.mitglied))
        findings.push({
          at: at('mitglied'),
          message: `„${p.mitglied}“ hat schon einen Sicherungspartner (Eintrag ${paired.get(p.mitglied)! + 1}); je Mitglied genau einen.`,
        });
      else paired.set(p.mitglied, i);
      for (const field of ['mitglied', 'partner'] as const) {
        if (!model.mitglied(p[field])) findings.push({ at: at(field), message: `„${p[field]}“ ist kein Mitglied des Verbunds.` });
      }
      if (p.partner === p.mitglied) findings.push({ at: at('partner'), message: `„${p.mitglied}“ kann nicht sein eigener Sicherungspartner sein.` });
      else {
        const [own, other] = [sicherung.standorte[p.mitglied], sicherung.standorte[p.partner]];
        if (own === undefined || other === undefined) {
          findings.push({
            at: at(),
            message: `Für „${own === undefined ? p.mitglied : p.partner}“ ist kein Standort erfasst (standorte); ohne ihn ist nicht prüfbar, dass die Sicherung woanders liegt.`,
          });
        } else if (own === other) {
          findings.push({
            at: at('partner'),
            message: `„${p.mitglied}“ und sein Partner „${p.partner}“ liegen am selben Standort „${own}“; eine Sicherung gehört an einen anderen Standort.`,
          });
        }
      }
    });
    for (const m of needing.filter((m) => !paired.has(m.id))) {
      findings.push({
        at: model.where(m, 'dienste'),
        message: `„${m.id}“ hat Daten in einem gemeinsamen Dienst, aber keinen Sicherungspartner in governance/notfall/sicherung.yaml.`,
      });
    }
    for (const id of Object.keys(sicherung.standorte)) {
      if (!model.mitglied(id))
        findings.push({ at: model.whereKey(sicherung, 'standorte', id), message: `„${id}“ unter standorte ist kein Mitglied des Verbunds.` });
    }
    return findings;
  },
};
