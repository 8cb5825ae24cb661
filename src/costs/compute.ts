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
  /** Items that could not be split (the message says why); the check's rule kosten-verteilbar keeps this empty. */
  problems: string[];
}

export interface CostsFilter {
  year?: number;
  member?: string;
}

/** Every item in each of its years, collected (for the workbook and for tests; the CLI streams with eachItemYear). */
export function computeCosts(model: CheckedModel, filter: CostsFilter = {}): CostsResult {
  const items: ItemYear[] = [];
  const run = eachItemYear(model, filter, (item) => items.push(item));
  return { items, ...run };
}

/**
 * Hands every item in each of its years (optionally one year, one member's shares) to `visit`,
 * by item and year, without keeping them: the output can be written as it is computed, in
 * memory bounded by one item. Each key's figures are read once and then split every amount
 * that uses it (linear in items × members).
 */
export function eachItemYear(model: CheckedModel, filter: CostsFilter, visit: (item: ItemYear) => void): Omit<CostsResult, 'items'> {
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
        used.add(p.schluessel);
        visit({ id: p.id, name: p.name, jahr, kostenart: p.kostenart, ziel: p.ziel, dienst: p.dienst, schluessel: p.schluessel, totalCents, shares });
      } catch (error) {
        if (!(error instanceof DistributionError)) throw error;
        problems.push(`Posten „${p.id}“ (${jahr}): ${error.message}`);
      }
    }
  }
  return { keys: keyInfos(model, used), openKeys: openKeys(model), problems };
}

/** The largest sum of the items of one year (in the filter's years): no share or budget cell can exceed it. */
export function largestYearTotal(model: CheckedModel, filter: CostsFilter): { jahr: number; cents: bigint } | undefined {
  const totals = new Map<number, bigint>();
  for (const p of model.kostenposten) {
    for (const jahr of p.jahre) if (filter.year === undefined || jahr === filter.year) totals.set(jahr, (totals.get(jahr) ?? 0n) + parseCents(p.betrag));
  }
  let largest: { jahr: number; cents: bigint } | undefined;
  for (const [jahr, cents] of totals) if (!largest || cents > largest.cents) largest = { jahr, cents };
  return largest;
}

/** Every decided key as a share cites it, by id. */
export function decidedKeys(model: CheckedModel): Map<string, KeyInfo> {
  return new Map(keyInfos(model, new Set(model.kostenschluessel.map((k) => k.id))).map((k) => [k.id, k]));
}

function keyInfos(model: CheckedModel, used: Set<string>): KeyInfo[] {
  return model.kostenschluessel
    .filter((k) => used.has(k.id) && bekannt(k.verteilung) !== undefined)
    .map((k) => ({ id: k.id, name: k.name, rechtsgrundlage: bekannt(k.rechtsgrundlage)!, gilt: bekannt(k.gilt)! }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function openKeys(model: CheckedModel): CostsResult['openKeys'] {
  return model.kostenschluessel.flatMap((k) => {
    const v = k.verteilung;
    return 'offen' in v ? [{ id: k.id, name: k.name, reason: v.offen }] : [];
  });
}
