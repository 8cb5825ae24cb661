import type { Model } from '../../model/model';
import type { Massnahme } from '../../model/types';
import { bekannt, isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that every measure has exactly one accountable owner and an executing unit that can
 * give instructions: a member (or one of its Fachdienste) or a body that implements. A staff
 * unit such as a CDO's Stabsstelle has no authority to instruct and cannot execute alone.
 */
export const massnahmeVerantwortung: Rule = {
  id: 'massnahme-verantwortung',
  severity: 'error',
  category: 'empfehlung',
  grundlage:
    'Empfehlung der Organisationsstudien zur interkommunalen Zusammenarbeit (nicht aus der Leitlinie): jede Maßnahme hat genau eine verantwortliche Stelle; eine Stabsstelle hat kein Weisungsrecht und braucht eine ausführende Stelle',
  description: 'Jede Maßnahme hat genau eine verantwortliche Stelle und eine ausführende Stelle mit Weisungsbefugnis (keine Stabsstelle allein).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const { ziel, massnahme: m, path } of model.massnahmen()) {
      const at = (field: string) => model.where(ziel, ...path, field);
      if (!m.verantwortlich) {
        findings.push({ at: at('id'), message: `Maßnahme „${m.id}“ nennt keine verantwortliche Stelle (verantwortlich: gremium oder mitglied).` });
      }
      if (!m.ausfuehrend) {
        findings.push({
          at: at('id'),
          message: `Maßnahme „${m.id}“ nennt keine ausführende Stelle (ausfuehrend: mitglied mit einheit, oder ein umsetzendes gremium).`,
        });
        continue;
      }
      const problem = cannotInstruct(model, m.ausfuehrend);
      if (problem) findings.push({ at: at('ausfuehrend'), message: `Maßnahme „${m.id}“: ${problem}` });
    }
    return findings;
  },
};

function cannotInstruct(model: Model, unit: NonNullable<Massnahme['ausfuehrend']>): string | undefined {
  if (unit.gremium) {
    const g = model.gremium(unit.gremium);
    if (g && g.aufgabe !== 'planenUndUmsetzen') {
      const aufgabe = isOffen(g.aufgabe) ? 'Aufgabe offen' : g.aufgabe;
      return `das Gremium „${g.id}“ (${aufgabe}) ist nicht als umsetzend erfasst; ausführen kann ein Mitglied, einer seiner Fachdienste oder ein Gremium mit aufgabe: planenUndUmsetzen.`;
    }
    return undefined;
  }
  const member = unit.mitglied ? model.mitglied(unit.mitglied) : undefined;
  const einheiten = member && bekannt(member.einheiten);
  if (!einheiten || !unit.einheit) return undefined;
  const einheit = einheiten.find((e) => e.id === unit.einheit);
  if (einheit?.art === 'stabsstelle') {
    return `„${einheit.name}“ ist eine Stabsstelle ohne Weisungsbefugnis und kann die Maßnahme nicht allein ausführen; bitte einen Fachdienst oder das Mitglied als ausführend angeben.`;
  }
  return undefined;
}
