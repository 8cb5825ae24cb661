import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Ensures that no two items of a kind share an id, so every reference is unambiguous. */
export const idsEindeutig: Rule = {
  id: 'ids-eindeutig',
  severity: 'error',
  category: 'integritaet',
  description:
    'Kennungen sind je Art eindeutig (Dimensionen, Ziele, Meilensteine, Maßnahmen, Mitglieder, Gremien, Strategien, Dienste, Kostenschlüssel, Kostenposten).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const seen = new Map<string, string>();
    const claim = (kind: string, label: string, id: string, item: object, ...path: (string | number)[]) => {
      const key = `${kind}:${id}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, model.fileOf(item));
        return;
      }
      findings.push({
        at: model.where(item, ...path),
        message: `${label} „${id}“ ist bereits in ${first} vergeben; Kennungen müssen eindeutig sein.`,
      });
    };
    for (const d of model.dimensionen) claim('dimension', 'Die Dimension', d.id, d, 'id');
    for (const m of model.mitglieder) claim('mitglied', 'Das Mitglied', m.id, m, 'id');
    for (const g of model.gremien) claim('gremium', 'Das Gremium', g.id, g, 'id');
    for (const s of model.strategien) claim('strategie', 'Eine Strategie für das Mitglied', s.mitglied, s, 'mitglied');
    for (const d of model.dienste) claim('dienst', 'Der Dienst', d.id, d, 'id');
    for (const k of model.kostenschluessel) claim('kostenschluessel', 'Der Kostenschlüssel', k.id, k, 'id');
    for (const p of model.kostenposten) claim('kostenposten', 'Der Kostenposten', p.id, p, 'id');
    for (const z of model.ziele) {
      claim('ziel', 'Das Ziel', z.id, z, 'id');
      z.meilensteine.forEach((m, i) => claim('meilenstein', 'Der Meilenstein', m.id, z, 'meilensteine', i, 'id'));
      bekannt(z.massnahmen)?.forEach((m, i) => claim('massnahme', 'Die Maßnahme', m.id, z, 'massnahmen', i, 'id'));
    }
    return findings;
  },
};
