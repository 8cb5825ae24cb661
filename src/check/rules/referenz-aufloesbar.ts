import type { Model } from '../../model/model';
import { verteilungen } from '../../model/kosten';
import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

type Target = 'dimension' | 'ziel' | 'mitglied' | 'gremium' | 'dienst' | 'kostenschluessel';

const TARGET_NAMES: Record<Target, { label: string; pronoun: string; folder: string }> = {
  dimension: { label: 'die Dimension', pronoun: 'die', folder: 'governance/dimensionen/' },
  ziel: { label: 'das Ziel', pronoun: 'das', folder: 'governance/ziele/' },
  mitglied: { label: 'das Mitglied', pronoun: 'das', folder: 'governance/mitglieder/' },
  gremium: { label: 'das Gremium', pronoun: 'das', folder: 'governance/gremien/' },
  dienst: { label: 'den Dienst', pronoun: 'den', folder: 'governance/dienste/' },
  kostenschluessel: { label: 'den Kostenschlüssel', pronoun: 'den', folder: 'governance/kostenschluessel/' },
};

/** Ensures that every reference to a dimension, goal, member, body or a member's unit names one that exists. */
export const referenzAufloesbar: Rule = {
  id: 'referenz-aufloesbar',
  severity: 'error',
  category: 'integritaet',
  description:
    'Jede Referenz auf eine Dimension, ein Ziel, ein Mitglied, ein Gremium, einen Dienst oder eine Einheit eines Mitglieds verweist auf einen vorhandenen Eintrag.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const knownTexts = new Map<Target, string>();
    const knownText = (target: Target) => {
      if (!knownTexts.has(target)) knownTexts.set(target, known(model, target));
      return knownTexts.get(target)!;
    };
    const ref = (target: Target, id: string, item: object, ...path: (string | number)[]) => {
      if (model.exists(target, id)) return;
      findings.push({
        at: model.where(item, ...path),
        message: `Verweis auf ${TARGET_NAMES[target].label} „${id}“, ${TARGET_NAMES[target].pronoun} es nicht gibt. ${knownText(target)}`,
      });
    };
    // Unit ids per member, built once: a member may record thousands of units.
    const unitsOf = new Map<string, { ids: Set<string>; recorded: string } | undefined>();
    const unitsOfMember = (memberId: string) => {
      if (!unitsOf.has(memberId)) {
        const einheiten = bekannt(model.mitglied(memberId)!.einheiten);
        const ids = einheiten?.map((e) => e.id) ?? [];
        unitsOf.set(memberId, einheiten ? { ids: new Set(ids), recorded: `Erfasste Einheiten: ${shortList(ids) || 'keine'}.` } : undefined);
      }
      return unitsOf.get(memberId);
    };
    const unit = (memberId: string, einheit: string, item: object, ...path: (string | number)[]) => {
      if (!model.mitglied(memberId)) return; // the member reference itself is reported
      const units = unitsOfMember(memberId);
      if (units?.ids.has(einheit)) return;
      const recorded = units ? units.recorded : `„${memberId}“ hat noch keine Einheiten erfasst (einheiten).`;
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
      m.dienste?.forEach((id, i) => ref('dienst', id, m, 'dienste', i));
      for (const id of Object.keys(m.plaetze ?? {})) ref('dienst', id, m, 'plaetze', id);
    }
    for (const d of model.dienste) {
      d.ziele.forEach((id, i) => ref('ziel', id, d, 'ziele', i));
      d.meilensteine?.forEach((id, i) => {
        const ziel = model.ziel(id.split('-')[0]!);
        if (ziel && !(bekannt(ziel.meilensteine) ?? []).some((m) => m.id === id)) {
          findings.push({ at: model.where(d, 'meilensteine', i), message: `Verweis auf den Meilenstein „${id}“, den das Ziel „${ziel.id}“ nicht hat.` });
        } else if (!ziel) ref('ziel', id.split('-')[0]!, d, 'meilensteine', i);
        else if (!d.ziele.includes(ziel.id)) {
          findings.push({
            at: model.where(d, 'meilensteine', i),
            message: `Der Meilenstein „${id}“ gehört zum Ziel „${ziel.id}“, das der Dienst nicht unter ziele nennt.`,
          });
        }
      });
      const betreiber = bekannt(d.betreiber);
      if (betreiber) ref('mitglied', betreiber, d, 'betreiber');
    }
    for (const k of model.kostenschluessel) {
      for (const { verteilung: v, path } of verteilungen(k)) {
        v.mitglieder?.forEach((id, i) => ref('mitglied', id, k, ...path, 'mitglieder', i));
        for (const id of Object.keys(v.anteile ?? {})) ref('mitglied', id, k, ...path, 'anteile', id);
        if (v.dienst) ref('dienst', v.dienst, k, ...path, 'dienst');
      }
    }
    for (const p of model.kostenposten) {
      ref('kostenschluessel', p.schluessel, p, 'schluessel');
      ref('ziel', p.ziel, p, 'ziel');
      if (p.dienst) ref('dienst', p.dienst, p, 'dienst');
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
    for (const a of model.ausnahmen) if (a.grundlage.beschluss) ref('gremium', a.grundlage.beschluss.gremium, a, 'grundlage', 'beschluss', 'gremium');
    return findings;
  },
};

function known(model: Model, target: Target): string {
  const ids = {
    dimension: model.dimensionen,
    ziel: model.ziele,
    mitglied: model.mitglieder,
    gremium: model.gremien,
    dienst: model.dienste,
    kostenschluessel: model.kostenschluessel,
  }[target].map((x) => x.id);
  // A file that failed to load is missing from the list: say so, or the list would mislead.
  const unloaded = model.hasUnloaded(target) ? ' Dateien mit Fehlern sind nicht mitgezählt.' : '';
  return (ids.length ? `Vorhanden sind: ${shortList(ids)}.` : `In ${TARGET_NAMES[target].folder} ist nichts erfasst.`) + unloaded;
}

/** At most 12 ids, so that a message stays short whatever the data holds. */
function shortList(ids: readonly string[]): string {
  return ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, … (${ids.length} insgesamt)` : ids.join(', ');
}
