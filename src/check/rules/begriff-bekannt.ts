import type { Model } from '../../model/model';
import { bekannt } from '../../model/types';
import { Vocabulary, type VocabularyList } from '../../model/vocabulary';
import type { Rule, RuleFinding } from '../rule';

const LIST_LABELS: Record<VocabularyList, string> = {
  mitgliedsarten: 'Mitgliedsart',
  rollen: 'Rolle',
  gremienebenen: 'Gremienebene',
  sitzungsrhythmen: 'Sitzungsrhythmus',
  mehrheiten: 'Mehrheit',
};

/**
 * Ensures that every term in the data (a member's kind, a role, a body's level, cadence and
 * majority) is one the Verbund defines in its vocabulary, and that each list names a term once.
 * This is the schema's enum, parameterised by the Verbund's own configuration.
 */
export const begriffBekannt: Rule = {
  id: 'begriff-bekannt',
  severity: 'error',
  category: 'integritaet',
  description:
    'Jede Mitgliedsart, Rolle, Gremienebene, jeder Sitzungsrhythmus und jede Mehrheit ist im Vokabular des Verbunds (governance/verbund.yaml) festgelegt, jede Kennung dort einmal.',
  check({ model }) {
    const verbund = model.verbund;
    if (!verbund) return []; // a missing or broken verbund.yaml is reported on its own
    const vocabulary = new Vocabulary(verbund.vokabular);
    const findings: RuleFinding[] = [...duplicateTerms(model)];
    const term = (list: VocabularyList, id: string, item: object, ...path: (string | number)[]) => {
      if (vocabulary.term(list, id)) return;
      const allowed = vocabulary.terms(list).map((t) => `„${t.id}“`);
      findings.push({
        at: model.where(item, ...path),
        message: `${LIST_LABELS[list]} „${id}“ ist im Vokabular des Verbunds nicht festgelegt. Erlaubt sind: ${allowed.join(', ')}. Neue Begriffe stehen in governance/verbund.yaml unter vokabular.${list}.`,
      });
    };
    for (const m of model.mitglieder) {
      term('mitgliedsarten', m.art, m, 'art');
      bekannt(m.rollen)?.forEach((r, i) => term('rollen', r.rolle, m, 'rollen', i, 'rolle'));
    }
    for (const g of model.gremien) {
      bekannt(g.zusammensetzung)?.forEach((e, i) => {
        const rolle = bekannt(e.rolle);
        if (rolle !== undefined) term('rollen', rolle, g, 'zusammensetzung', i, 'rolle');
      });
      const vorsitz = bekannt(g.vorsitz);
      if (vorsitz) term('rollen', vorsitz.rolle, g, 'vorsitz', 'rolle');
      const ebene = bekannt(g.ebene);
      if (typeof ebene === 'string') term('gremienebenen', ebene, g, 'ebene');
      else ebene?.forEach((id, i) => term('gremienebenen', id, g, 'ebene', i));
      const rhythmus = bekannt(g.sitzungsrhythmus);
      if (rhythmus !== undefined) term('sitzungsrhythmen', rhythmus, g, 'sitzungsrhythmus');
      const mehrheit = bekannt(bekannt(g.entscheidungsregel)?.mehrheit);
      if (mehrheit !== undefined) term('mehrheiten', mehrheit, g, 'entscheidungsregel', 'mehrheit');
    }
    return findings;
  },
};

/** A term defined twice (or a role that redefines hvb or vertretung) makes its meaning ambiguous. */
function duplicateTerms(model: Model): RuleFinding[] {
  const verbund = model.verbund!;
  const findings: RuleFinding[] = [];
  for (const [list, terms] of Object.entries(verbund.vokabular) as [VocabularyList, readonly { id: string }[]][]) {
    const seen = new Set(list === 'rollen' ? ['hvb', 'vertretung'] : []);
    terms.forEach((t, i) => {
      if (!seen.has(t.id)) return void seen.add(t.id);
      const builtIn = list === 'rollen' && (t.id === 'hvb' || t.id === 'vertretung');
      findings.push({
        at: model.where(verbund, 'vokabular', list, i, 'id'),
        message: builtIn
          ? `Die Rolle „${t.id}“ hat jedes Mitglied schon; bitte aus vokabular.rollen entfernen.`
          : `Der Begriff „${t.id}“ steht in vokabular.${list} mehrfach; bitte nur einmal festlegen.`,
      });
    });
  }
  return findings;
}
