import { diensteFuerAlle, VERBUND_STACK } from '../../model/dienste';
import type { Rule, RuleContext, RuleFinding } from '../rule';

/**
 * Ensures the emergency backup of goal 1.1's kind: every member with data in a shared service,
 * and every member with a stack (each member namespace is backed up), backs up at a partner
 * that is another member, at another site, named once; the pairs and sites name only members.
 * The Verbund-wide services (stack verbund) name their site and partner the same way.
 */
export const sicherungPartner: Rule = {
  id: 'sicherung-partner',
  severity: 'error',
  category: 'integritaet',
  description:
    'Jedes Mitglied mit Daten in einem gemeinsamen Dienst oder mit einem Stack hat genau einen Sicherungspartner (governance/notfall/sicherung.yaml): ein anderes Mitglied an einem anderen Standort; ebenso die Verbund-weiten Dienste.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const withData = new Set(model.dienste.filter((d) => d.mitgliederdaten).map((d) => d.id));
    const withStack = new Set(model.stacks.map((s) => s.id));
    const needing = model.mitglieder.filter((m) => withStack.has(m.id) || (m.dienste ?? []).some((id) => withData.has(id)));
    const why = (m: (typeof needing)[number]) =>
      withStack.has(m.id) ? 'hat einen Stack (jeder Namespace wird gesichert)' : 'hat Daten in einem gemeinsamen Dienst';
    const where = (m: (typeof needing)[number]) => (m.dienste ? model.where(m, 'dienste') : model.where(m, 'id'));
    const sicherung = model.sicherung;
    if (!sicherung) {
      for (const m of needing) {
        findings.push({ at: where(m), message: `„${m.id}“ ${why(m)}, aber es gibt keine governance/notfall/sicherung.yaml mit seinem Sicherungspartner.` });
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
        at: where(m),
        message: `„${m.id}“ ${why(m)}, aber keinen Sicherungspartner in governance/notfall/sicherung.yaml; bitte unter paare „- { mitglied: ${m.id}, partner: <Mitglied an einem anderen Standort> }“ eintragen und unter standorte den Standort von „${m.id}“.`,
      });
    }
    findings.push(...verbundFindings({ model }));
    for (const id of Object.keys(sicherung.standorte)) {
      if (!model.mitglied(id))
        findings.push({ at: model.whereKey(sicherung, 'standorte', id), message: `„${id}“ unter standorte ist kein Mitglied des Verbunds.` });
    }
    return findings;
  },
};

/** The Verbund-wide services run at one site and back up at a member elsewhere, once they exist. */
function verbundFindings({ model }: Pick<RuleContext, 'model'>): RuleFinding[] {
  const sicherung = model.sicherung!;
  const runsForAll = diensteFuerAlle(model).length > 0;
  const entry = sicherung.verbund;
  if (!entry) {
    if (!runsForAll && !model.stack(VERBUND_STACK)) return [];
    return [
      {
        at: model.where(sicherung),
        message: 'Es laufen Dienste einer für alle (Stack verbund), aber sicherung.yaml nennt unter verbund weder ihren Standort noch ihren Sicherungspartner.',
      },
    ];
  }
  if (!model.mitglied(entry.partner))
    return [{ at: model.where(sicherung, 'verbund', 'partner'), message: `„${entry.partner}“ ist kein Mitglied des Verbunds.` }];
  const partnerSite = sicherung.standorte[entry.partner];
  if (partnerSite === undefined) {
    return [
      {
        at: model.where(sicherung, 'verbund', 'partner'),
        message: `Für „${entry.partner}“ ist kein Standort erfasst (standorte); ohne ihn ist nicht prüfbar, dass die Sicherung woanders liegt.`,
      },
    ];
  }
  if (partnerSite !== entry.standort) return [];
  return [
    {
      at: model.where(sicherung, 'verbund', 'partner'),
      message: `Die Verbund-weiten Dienste und ihr Partner „${entry.partner}“ liegen am selben Standort „${entry.standort}“; eine Sicherung gehört an einen anderen Standort.`,
    },
  ];
}
