import type { Model } from '../../model/model';
import type { Rule, RuleFinding } from '../rule';

type Target = 'dimension' | 'ziel' | 'mitglied' | 'gremium';

const TARGET_NAMES: Record<Target, { label: string; pronoun: string; folder: string }> = {
  dimension: { label: 'die Dimension', pronoun: 'die', folder: 'governance/dimensionen/' },
  ziel: { label: 'das Ziel', pronoun: 'das', folder: 'governance/ziele/' },
  mitglied: { label: 'das Mitglied', pronoun: 'das', folder: 'governance/mitglieder/' },
  gremium: { label: 'das Gremium', pronoun: 'das', folder: 'governance/gremien/' },
};

/** Ensures that every reference to a dimension, goal, member or body names one that exists. */
export const referenzAufloesbar: Rule = {
  id: 'referenz-aufloesbar',
  severity: 'error',
  description: 'Jede Referenz auf eine Dimension, ein Ziel, ein Mitglied oder ein Gremium verweist auf einen vorhandenen Eintrag.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const ref = (target: Target, id: string, subject: string, item: object, ...path: (string | number)[]) => {
      if (model.exists(target, id)) return;
      findings.push({
        at: model.where(item, ...path),
        message: `Verweis auf ${TARGET_NAMES[target].label} „${id}“, ${TARGET_NAMES[target].pronoun} es nicht gibt. ${known(model, target)}`,
        subject,
      });
    };
    for (const z of model.ziele) {
      ref('dimension', z.dimension, `ziel:${z.id}`, z, 'dimension');
      if (Array.isArray(z.massnahmen)) {
        z.massnahmen.forEach((m, i) => m.durch && ref('mitglied', m.durch, `ziel:${z.id}`, z, 'massnahmen', i, 'durch'));
      }
    }
    for (const s of model.strategien) {
      ref('mitglied', s.mitglied, `strategie:${s.mitglied}`, s, 'mitglied');
      s.ziele?.forEach((id, i) => ref('ziel', id, `strategie:${s.mitglied}`, s, 'ziele', i));
    }
    for (const g of model.gremien) g.vorlageAn.forEach((id, i) => ref('gremium', id, `gremium:${g.id}`, g, 'vorlageAn', i));
    model.historie?.versionen.forEach((v, i) => v.beschlossenVon && ref('gremium', v.beschlossenVon, `version:${v.version}`, model.historie!, 'versionen', i, 'beschlossenVon'));
    for (const a of model.ausnahmen) ref('gremium', a.entschiedenVon, `ausnahme:${a.gegenstand}`, a, 'entschiedenVon');
    return findings;
  },
};

function known(model: Model, target: Target): string {
  const ids = { dimension: model.dimensionen, ziel: model.ziele, mitglied: model.mitglieder, gremium: model.gremien }[target].map((x) => x.id);
  const list = ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, …` : ids.join(', ');
  return ids.length ? `Vorhanden sind: ${list}.` : `In ${TARGET_NAMES[target].folder} ist nichts erfasst.`;
}
