import type { Model } from '../../model/model';
import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

type Target = 'dimension' | 'ziel' | 'mitglied' | 'gremium';

const TARGET_NAMES: Record<Target, { label: string; pronoun: string; folder: string }> = {
  dimension: { label: 'die Dimension', pronoun: 'die', folder: 'governance/dimensionen/' },
  ziel: { label: 'das Ziel', pronoun: 'das', folder: 'governance/ziele/' },
  mitglied: { label: 'das Mitglied', pronoun: 'das', folder: 'governance/mitglieder/' },
  gremium: { label: 'das Gremium', pronoun: 'das', folder: 'governance/gremien/' },
};

/** Ensures that every reference to a dimension, goal, member, body or a member's unit names one that exists. */
export const referenzAufloesbar: Rule = {
  id: 'referenz-aufloesbar',
  severity: 'error',
  category: 'integritaet',
  description:
    'Jede Referenz auf eine Dimension, ein Ziel, ein Mitglied, ein Gremium oder eine Einheit eines Mitglieds verweist auf einen vorhandenen Eintrag.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const ref = (target: Target, id: string, item: object, ...path: (string | number)[]) => {
      if (model.exists(target, id)) return;
      findings.push({
        at: model.where(item, ...path),
        message: `Verweis auf ${TARGET_NAMES[target].label} „${id}“, ${TARGET_NAMES[target].pronoun} es nicht gibt. ${known(model, target)}`,
      });
    };
    const unit = (memberId: string, einheit: string, item: object, ...path: (string | number)[]) => {
      const member = model.mitglied(memberId);
      if (!member) return; // the member reference itself is reported
      const einheiten = bekannt(member.einheiten);
      const known = einheiten?.map((e) => e.id) ?? [];
      if (known.includes(einheit)) return;
      const recorded = einheiten ? `Erfasste Einheiten: ${known.join(', ') || 'keine'}.` : `„${memberId}“ hat noch keine Einheiten erfasst (einheiten).`;
      findings.push({ at: model.where(item, ...path), message: `Verweis auf die Einheit „${einheit}“, die „${memberId}“ nicht hat. ${recorded}` });
    };
    for (const z of model.ziele) {
      ref('dimension', z.dimension, z, 'dimension');
      bekannt(z.massnahmen)?.forEach((m, i) => {
        if (m.durch) ref('mitglied', m.durch, z, 'massnahmen', i, 'durch');
        for (const field of ['verantwortlich', 'ausfuehrend'] as const) {
          const traeger = m[field];
          if (traeger?.gremium) ref('gremium', traeger.gremium, z, 'massnahmen', i, field, 'gremium');
          if (traeger?.mitglied) ref('mitglied', traeger.mitglied, z, 'massnahmen', i, field, 'mitglied');
        }
        if (m.ausfuehrend?.mitglied && m.ausfuehrend.einheit) unit(m.ausfuehrend.mitglied, m.ausfuehrend.einheit, z, 'massnahmen', i, 'ausfuehrend', 'einheit');
      });
    }
    for (const m of model.mitglieder) {
      bekannt(m.rollen)?.forEach((r, i) => {
        r.geteiltMit?.forEach((id, j) => {
          if (id === m.id)
            findings.push({
              at: model.where(m, 'rollen', i, 'geteiltMit', j),
              message: `„${m.id}“ teilt die Rolle „${r.rolle}“ mit sich selbst; geteiltMit nennt nur andere Mitglieder.`,
            });
          else ref('mitglied', id, m, 'rollen', i, 'geteiltMit', j);
        });
        if (r.einheit) unit(m.id, r.einheit, m, 'rollen', i, 'einheit');
      });
    }
    for (const s of model.strategien) {
      ref('mitglied', s.mitglied, s, 'mitglied');
      s.ziele?.forEach((id, i) => ref('ziel', id, s, 'ziele', i));
    }
    for (const g of model.gremien) {
      g.vorlageAn.forEach((id, i) => ref('gremium', id, g, 'vorlageAn', i));
      bekannt(g.zusammensetzung)?.forEach((e, i) => {
        if (e.mitglieder !== 'alle') e.mitglieder.forEach((id, j) => ref('mitglied', id, g, 'zusammensetzung', i, 'mitglieder', j));
      });
      if (g.vorsitz && 'mitglied' in g.vorsitz) ref('mitglied', g.vorsitz.mitglied, g, 'vorsitz', 'mitglied');
    }
    model.historie?.versionen.forEach((v, i) => v.beschlossenVon && ref('gremium', v.beschlossenVon, model.historie!, 'versionen', i, 'beschlossenVon'));
    for (const a of model.ausnahmen) ref('gremium', a.entschiedenVon, a, 'entschiedenVon');
    return findings;
  },
};

function known(model: Model, target: Target): string {
  const ids = { dimension: model.dimensionen, ziel: model.ziele, mitglied: model.mitglieder, gremium: model.gremien }[target].map((x) => x.id);
  const list = ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, …` : ids.join(', ');
  return ids.length ? `Vorhanden sind: ${list}.` : `In ${TARGET_NAMES[target].folder} ist nichts erfasst.`;
}
