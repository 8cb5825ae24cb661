import type { Model } from '../../model/model';
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
  fixed: true,
  description: 'Jede Referenz auf eine Dimension, ein Ziel, ein Mitglied, ein Gremium oder eine Einheit eines Mitglieds verweist auf einen vorhandenen Eintrag.',
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
    const unit = (memberId: string, einheit: string, subject: string, item: object, ...path: (string | number)[]) => {
      const member = model.mitglied(memberId);
      if (!member) return; // the member reference itself is reported
      const known = Array.isArray(member.einheiten) ? member.einheiten.map((e) => e.id) : [];
      if (known.includes(einheit)) return;
      const recorded = Array.isArray(member.einheiten) ? `Erfasste Einheiten: ${known.join(', ') || 'keine'}.` : `„${memberId}“ hat noch keine Einheiten erfasst (einheiten).`;
      findings.push({ at: model.where(item, ...path), message: `Verweis auf die Einheit „${einheit}“, die „${memberId}“ nicht hat. ${recorded}`, subject });
    };
    for (const z of model.ziele) {
      const subject = `ziel:${z.id}`;
      ref('dimension', z.dimension, subject, z, 'dimension');
      if (!Array.isArray(z.massnahmen)) continue;
      z.massnahmen.forEach((m, i) => {
        if (m.durch) ref('mitglied', m.durch, subject, z, 'massnahmen', i, 'durch');
        for (const field of ['verantwortlich', 'ausfuehrend'] as const) {
          const traeger = m[field];
          if (traeger?.gremium) ref('gremium', traeger.gremium, subject, z, 'massnahmen', i, field, 'gremium');
          if (traeger?.mitglied) ref('mitglied', traeger.mitglied, subject, z, 'massnahmen', i, field, 'mitglied');
        }
        if (m.ausfuehrend?.mitglied && m.ausfuehrend.einheit) unit(m.ausfuehrend.mitglied, m.ausfuehrend.einheit, subject, z, 'massnahmen', i, 'ausfuehrend', 'einheit');
      });
    }
    for (const m of model.mitglieder) {
      if (!Array.isArray(m.rollen)) continue;
      m.rollen.forEach((r, i) => {
        r.geteiltMit?.forEach((id, j) => {
          if (id === m.id) findings.push({ at: model.where(m, 'rollen', i, 'geteiltMit', j), message: `„${m.id}“ teilt die Rolle „${r.rolle}“ mit sich selbst; geteiltMit nennt nur andere Mitglieder.`, subject: `mitglied:${m.id}` });
          else ref('mitglied', id, `mitglied:${m.id}`, m, 'rollen', i, 'geteiltMit', j);
        });
        if (r.einheit) unit(m.id, r.einheit, `mitglied:${m.id}`, m, 'rollen', i, 'einheit');
      });
    }
    for (const s of model.strategien) {
      ref('mitglied', s.mitglied, `strategie:${s.mitglied}`, s, 'mitglied');
      s.ziele?.forEach((id, i) => ref('ziel', id, `strategie:${s.mitglied}`, s, 'ziele', i));
    }
    for (const g of model.gremien) {
      const subject = `gremium:${g.id}`;
      g.vorlageAn.forEach((id, i) => ref('gremium', id, subject, g, 'vorlageAn', i));
      if (Array.isArray(g.zusammensetzung)) {
        g.zusammensetzung.forEach((e, i) => {
          if (Array.isArray(e.mitglieder)) e.mitglieder.forEach((id, j) => ref('mitglied', id, subject, g, 'zusammensetzung', i, 'mitglieder', j));
        });
      }
      if (g.vorsitz && 'mitglied' in g.vorsitz) ref('mitglied', g.vorsitz.mitglied, subject, g, 'vorsitz', 'mitglied');
    }
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
