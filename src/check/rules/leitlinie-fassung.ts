import type { Model } from '../../model/model';
import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';
import { compareVersions } from '../../model/version';

/**
 * Ensures that a change to the Leitlinie's text or structure (the Leitlinie itself, its
 * dimensions, its goals) raises its version and adds that version to the document history;
 * progress (a milestone's status and the day it was reached) is no new version. Compares with
 * the base branch, so it runs only with `verbund check --base REF` (the pull-request workflow).
 */
export const leitlinieFassung: Rule = {
  id: 'leitlinie-fassung',
  severity: 'error',
  category: 'integritaet',
  description:
    'Ändert ein Pull Request Text oder Aufbau der Leitlinie (Leitlinie, Dimensionen, Ziele; nicht den Fortschritt der Meilensteine), erhöht er ihre Fassung und ergänzt die Dokumenthistorie (nur mit verbund check --base).',
  check({ model, base }) {
    if (!base || !model.leitlinie || !base.leitlinie) return [];
    const changed = changedParts(base, model);
    if (changed.length === 0) return [];
    const findings: RuleFinding[] = [];
    const before = base.leitlinie.version;
    const now = model.leitlinie.version;
    const what = changed.slice(0, 5).join(', ') + (changed.length > 5 ? ` und ${changed.length - 5} weitere` : '');
    if (compareVersions(now, before) <= 0) {
      findings.push({
        at: model.where(model.leitlinie, 'version'),
        message: `Text oder Aufbau der Leitlinie ändern sich (${what}), die Fassung bleibt aber ${now}${now === before ? '' : ` (vorher ${before})`}; bitte die Fassung erhöhen und sie in der Dokumenthistorie eintragen.`,
      });
    } else if (!(model.historie?.versionen ?? []).some((v) => v.version === now) || (base.historie?.versionen ?? []).some((v) => v.version === now)) {
      findings.push({
        at: model.historie ? model.where(model.historie, 'versionen') : model.where(model.leitlinie, 'version'),
        message: `Die Leitlinie hat jetzt die Fassung ${now} (${what}); die Dokumenthistorie braucht dafür einen neuen Eintrag (version: "${now}", Datum, Status, Vermerk).`,
      });
    }
    return findings;
  },
};

/** What of the Leitlinie's text or structure differs: "Leitlinie", "Dimension 3", "Ziel 2.1" (progress left out). */
function changedParts(base: Model, model: Model): string[] {
  const parts: string[] = [];
  const { version: _v1, ...leitlinieBefore } = base.leitlinie!;
  const { version: _v2, ...leitlinieNow } = model.leitlinie!;
  if (stable(leitlinieBefore) !== stable(leitlinieNow)) parts.push('Leitlinie');
  parts.push(...changedById('Dimension', base.dimensionen, model.dimensionen, (d) => d));
  parts.push(...changedById('Ziel', base.ziele, model.ziele, withoutProgress));
  return parts;
}

function changedById<T extends { id: string }>(label: string, before: readonly T[], now: readonly T[], view: (item: T) => unknown): string[] {
  const old = new Map(before.map((item) => [item.id, stable(view(item))]));
  const ids = new Set([...old.keys(), ...now.map((i) => i.id)]);
  const current = new Map(now.map((item) => [item.id, stable(view(item))]));
  return [...ids].filter((id) => old.get(id) !== current.get(id)).map((id) => `${label} ${id}`);
}

/** A goal without what changes as work goes on: each milestone's status and the day it was reached. */
function withoutProgress(ziel: Model['ziele'][number]): unknown {
  const milestones = bekannt(ziel.meilensteine);
  return { ...ziel, meilensteine: milestones ? milestones.map(({ status: _s, erreichtAm: _e, ...rest }) => rest) : ziel.meilensteine };
}

/** JSON with sorted keys: the same data gives the same text, whatever the order in the file. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
