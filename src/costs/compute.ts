import type { CheckedModel } from '../model/model';
import type { Kostenposten } from '../model/types';
import type { Share } from './allocate';
import { distribute, DistributionError } from './distribute';
import { figuresOf } from './figures';
import { parseCents } from './money';

/** One cost item in one of its years, split to the cent. */
export interface ItemYear {
  id: string;
  name: string;
  jahr: number;
  kostenart: Kostenposten['kostenart'];
  schluessel: string;
  totalCents: bigint;
  shares: Share[];
}

export interface CostsResult {
  items: ItemYear[];
  /** Items that could not be split (the message says why), e.g. a service nobody takes part in. */
  problems: string[];
}

/** Every item in each of its years (optionally one year, one member's shares), by id and year. */
export function computeCosts(model: CheckedModel, filter: { year?: number; member?: string } = {}): CostsResult {
  const figures = figuresOf(model);
  const keys = new Map(model.kostenschluessel.map((k) => [k.id, k]));
  const items: ItemYear[] = [];
  const problems: string[] = [];
  for (const p of model.kostenposten) {
    for (const jahr of [...p.jahre].sort((a, b) => a - b)) {
      if (filter.year !== undefined && jahr !== filter.year) continue;
      const totalCents = parseCents(p.betrag);
      try {
        const shares = distribute(keys.get(p.schluessel)!.verteilung, totalCents, figures).filter(
          (s) => filter.member === undefined || s.member === filter.member,
        );
        items.push({ id: p.id, name: p.name, jahr, kostenart: p.kostenart, schluessel: p.schluessel, totalCents, shares });
      } catch (error) {
        if (!(error instanceof DistributionError)) throw error;
        problems.push(`Posten „${p.id}“ (${jahr}): ${error.message}`);
      }
    }
  }
  return { items, problems };
}
