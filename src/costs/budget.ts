import type { CheckedModel } from '../model/model';
import { bekannt, type Kostenposten } from '../model/types';
import type { ItemYear } from './compute';

export const KOSTENARTEN: readonly Kostenposten['kostenart'][] = ['personal', 'technik', 'raeume', 'software', 'dienstleistungen'];

/** Full-time equivalents in hundredths (1.5 VZA → 150), so that need minus capacity is exact; undefined where open. */
export interface Stellen {
  bedarfMin?: number;
  bedarfMax?: number;
  vorhanden?: number;
  /** The additional need: the estimate minus what the member already has, never below zero. */
  zusaetzlichMin?: number;
  zusaetzlichMax?: number;
}

/** A member's budget plan: its cents per cost type and year, the sum per year, and its staffing need. */
export interface Budget {
  member: string;
  name: string;
  jahre: number[];
  /** Per cost type, the cents in each of `jahre` (same order). */
  zeilen: { kostenart: Kostenposten['kostenart']; cents: bigint[] }[];
  summe: bigint[];
  stellen: Stellen;
}

/** The one-off staffing need of the Verbund as a whole (hundredths of VZA), counted once, not per member. */
export function einmaligVerbund(model: CheckedModel): { min?: number; max?: number } {
  const need = model.ressourcen?.stellenbedarf.einmaligVerbund;
  return { min: hundredths(need?.min), max: hundredths(need?.max) };
}

/** One budget per member (all, or the one asked for), over the years the items cover; none without items. */
export function budgets(model: CheckedModel, items: readonly ItemYear[], member?: string): Budget[] {
  const jahre = [...new Set(items.map((i) => i.jahr))].sort((a, b) => a - b);
  if (jahre.length === 0) return []; // no year with costs: nothing to plan
  const column = new Map(jahre.map((j, i) => [j, i]));
  const members = model.mitglieder.filter((m) => member === undefined || m.id === member);
  const rows = new Map(members.map((m) => [m.id, KOSTENARTEN.map(() => jahre.map(() => 0n))]));
  const typeRow = new Map(KOSTENARTEN.map((k, i) => [k, i]));
  for (const item of items) {
    const col = column.get(item.jahr)!;
    const row = typeRow.get(item.kostenart)!;
    for (const s of item.shares) {
      const table = rows.get(s.member);
      if (table) table[row]![col]! += s.cents;
    }
  }
  return members
    .map((m) => {
      const table = rows.get(m.id)!;
      return {
        member: m.id,
        name: m.name,
        jahre,
        zeilen: KOSTENARTEN.map((kostenart, i) => ({ kostenart, cents: table[i]! })),
        summe: jahre.map((_, c) => table.reduce((s, r) => s + r[c]!, 0n)),
        stellen: stellen(model, m.id),
      };
    })
    .sort((a, b) => (a.member < b.member ? -1 : 1));
}

function stellen(model: CheckedModel, member: string): Stellen {
  const need = model.ressourcen?.stellenbedarf.dauerhaftJeMitglied;
  const bedarfMin = hundredths(need?.min);
  const bedarfMax = hundredths(need?.max);
  const vorhanden = hundredths(bekannt(model.mitglied(member)?.vorhandeneStellen)?.vza);
  const less = (n: number | undefined) => (n === undefined || vorhanden === undefined ? undefined : Math.max(0, n - vorhanden));
  return { bedarfMin, bedarfMax, vorhanden, zusaetzlichMin: less(bedarfMin), zusaetzlichMax: less(bedarfMax) };
}

/** 1.5 → 150; the data holds VZA with at most two decimals, so rounding only removes the double's noise. */
function hundredths(value: unknown): number | undefined {
  return typeof value === 'number' ? Math.round(value * 100) : undefined;
}

/** 150 → "1,5"; 200 → "2"; 125 → "1,25" (German decimal comma). */
export function formatVza(h: number | undefined): string {
  if (h === undefined) return 'offen';
  const whole = Math.floor(h / 100);
  const rest = h % 100;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}
