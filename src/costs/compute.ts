import type { CheckedModel } from '../model/model';
import { bekannt, type Kostenposten, type Kostenschluessel, type Rechtsgrundlage } from '../model/types';
import { DistributionError, prepareKey, splitAmount, type ExplainedShare, type PreparedKey } from './distribute';
import { figuresOf } from './figures';
import { parseCents } from './money';

/** One cost item in one of its years, split to the cent, each share with what it rests on. */
export interface ItemYear {
  id: string;
  name: string;
  jahr: number;
  kostenart: Kostenposten['kostenart'];
  ziel: string;
  dienst?: string;
  schluessel: string;
  totalCents: bigint;
  shares: ExplainedShare[];
}

/** A decided key as a share cites it: its name, the resolution it rests on, and when it applies. */
export interface KeyInfo {
  id: string;
  name: string;
  rechtsgrundlage: Rechtsgrundlage;
  gilt: { von: string; bis?: string };
}

export interface CostsResult {
  items: ItemYear[];
  /** The keys the items use, by id. */
  keys: KeyInfo[];
  /** Keys recorded but not yet decided (their distribution is open). */
  openKeys: { id: string; name: string; reason: string }[];
  /** Items that could not be split (the message says why), e.g. a service nobody takes part in. */
  problems: string[];
}

/**
 * Every item in each of its years (optionally one year, one member's shares), by id and year.
 * Each key's figures are read once and then split every amount that uses it (linear in items × members).
 */
export function computeCosts(model: CheckedModel, filter: { year?: number; member?: string } = {}): CostsResult {
  const figures = figuresOf(model);
  const prepared = new Map<string, PreparedKey | DistributionError>();
  const prepare = (key: Kostenschluessel): PreparedKey | DistributionError => {
    if (!prepared.has(key.id)) {
      try {
        prepared.set(key.id, prepareKey(bekannt(key.verteilung)!, figures));
      } catch (error) {
        if (!(error instanceof DistributionError)) throw error;
        prepared.set(key.id, error);
      }
    }
    return prepared.get(key.id)!;
  };
  const items: ItemYear[] = [];
  const problems: string[] = [];
  const used = new Set<string>();
  const keys = new Map(model.kostenschluessel.map((k) => [k.id, k]));
  for (const p of model.kostenposten) {
    const key = keys.get(p.schluessel)!; // the check has made sure it exists and is decided
    for (const jahr of [...p.jahre].sort((a, b) => a - b)) {
      if (filter.year !== undefined && jahr !== filter.year) continue;
      const totalCents = parseCents(p.betrag);
      try {
        const ready = prepare(key);
        if (ready instanceof DistributionError) throw ready;
        const shares = splitAmount(ready, totalCents, filter.member);
        if (filter.member !== undefined && shares.length === 0) continue; // the member has no part in this item
        items.push({ id: p.id, name: p.name, jahr, kostenart: p.kostenart, ziel: p.ziel, dienst: p.dienst, schluessel: p.schluessel, totalCents, shares });
        used.add(p.schluessel);
      } catch (error) {
        if (!(error instanceof DistributionError)) throw error;
        problems.push(`Posten „${p.id}“ (${jahr}): ${error.message}`);
      }
    }
  }
  return { items, keys: keyInfos(model, used), openKeys: openKeys(model), problems };
}

function keyInfos(model: CheckedModel, used: Set<string>): KeyInfo[] {
  return model.kostenschluessel
    .filter((k) => used.has(k.id))
    .map((k) => ({ id: k.id, name: k.name, rechtsgrundlage: bekannt(k.rechtsgrundlage)!, gilt: bekannt(k.gilt)! }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function openKeys(model: CheckedModel): CostsResult['openKeys'] {
  return model.kostenschluessel.flatMap((k) => {
    const v = k.verteilung;
    return 'offen' in v ? [{ id: k.id, name: k.name, reason: v.offen }] : [];
  });
}
