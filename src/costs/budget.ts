import type { CheckedModel } from '../model/model';
import { bekannt, type Kostenposten } from '../model/types';
import type { ItemYear } from './compute';
import { parseCents } from './money';

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

/** What the Verbund as a whole needs once, not per member: staff (hundredths of VZA) and IT (cents); undefined where open. */
export interface VerbundNeed {
  einmaligVerbund: { min?: number; max?: number };
  itAufwand?: { min: bigint; max: bigint };
}

export function verbundNeed(model: CheckedModel): VerbundNeed {
  const need = model.ressourcen?.stellenbedarf.einmaligVerbund;
  const it = bekannt(model.ressourcen?.itAufwand);
  return {
    einmaligVerbund: { min: hundredths(need?.min), max: hundredths(need?.max) },
    ...(it ? { itAufwand: { min: parseCents(it.minEuro), max: parseCents(it.maxEuro) } } : {}),
  };
}

/** One budget per member (all, or the one asked for), over the years the items cover; none without items. */
export function budgets(model: CheckedModel, items: readonly ItemYear[], member?: string): Budget[] {
  const book = new BudgetBook(model, member);
  for (const item of items) book.add(item);
  return book.budgets();
}

/** Sums each member's shares by year and cost type as items go by (the items themselves are not kept). */
export class BudgetBook {
  /** member → year → cents per cost type (in KOSTENARTEN order). */
  private readonly sums = new Map<string, Map<number, bigint[]>>();
  private readonly years = new Set<number>();

  constructor(
    private readonly model: CheckedModel,
    private readonly member?: string,
  ) {}

  add(item: ItemYear): void {
    this.years.add(item.jahr);
    const row = TYPE_ROW.get(item.kostenart)!;
    for (const s of item.shares) {
      let byYear = this.sums.get(s.member);
      if (!byYear) this.sums.set(s.member, (byYear = new Map()));
      let cells = byYear.get(item.jahr);
      if (!cells) byYear.set(item.jahr, (cells = KOSTENARTEN.map(() => 0n)));
      cells[row]! += s.cents;
    }
  }

  budgets(): Budget[] {
    const jahre = [...this.years].sort((a, b) => a - b);
    if (jahre.length === 0) return []; // no year with costs: nothing to plan
    return this.model.mitglieder
      .filter((m) => this.member === undefined || m.id === this.member)
      .map((m) => {
        const byYear = this.sums.get(m.id);
        const cell = (row: number, jahr: number) => byYear?.get(jahr)?.[row] ?? 0n;
        return {
          member: m.id,
          name: m.name,
          jahre,
          zeilen: KOSTENARTEN.map((kostenart, row) => ({ kostenart, cents: jahre.map((j) => cell(row, j)) })),
          summe: jahre.map((j) => KOSTENARTEN.reduce((sum, _, row) => sum + cell(row, j), 0n)),
          stellen: stellen(this.model, m.id),
        };
      })
      .sort((a, b) => (a.member < b.member ? -1 : 1));
  }
}

const TYPE_ROW = new Map(KOSTENARTEN.map((k, i) => [k, i]));

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
