import type { Budget } from './budget';
import type { ItemYear, KeyInfo } from './compute';
import type { Basis } from './distribute';
import { explainBasis, explainKey, kostenartName } from './explain';
import { formatEuro } from './money';
import { verbundNeedText, type CostsSummary, type CostsWriter, type Sink } from './report';

/** A figure too large to be an exact JSON number (over 2^53 − 1 cents, about 90 trillion euros). */
export class NotExactError extends Error {}

/**
 * The JSON of DESIGN.md's contract ({"items":[{"id","totalCents","shares":[{"member","cents"}]}]}),
 * with additive fields: each share's basis, the keys with their legal basis, the open keys and
 * the budget plans. Keys the tool computes are English, keys from the YAML German (README).
 * Cents as exact JSON numbers (a sum beyond 2^53 is refused, never rounded); VZA as decimals.
 * Written item by item, indented as JSON.stringify(…, null, 2) would.
 */
export function jsonWriter(sink: Sink): CostsWriter {
  let count = 0;
  sink('{\n  "items": [');
  return {
    item(i) {
      sink(`${count++ === 0 ? '\n' : ',\n'}${indent(JSON.stringify(itemJson(i), null, 2), '    ')}`);
    },
    end(summary) {
      const rest = JSON.stringify(summaryJson(summary), null, 2).slice(1, -2); // the summary's fields, without its braces
      sink(`${count === 0 ? ']' : '\n  ]'},${rest}\n}\n`);
    },
  };
}

function itemJson(i: ItemYear): object {
  return {
    id: i.id,
    name: i.name,
    jahr: i.jahr,
    kostenart: i.kostenart,
    ziel: i.ziel,
    ...(i.dienst === undefined ? {} : { dienst: i.dienst }),
    schluessel: i.schluessel,
    totalCents: exact(i.totalCents),
    shares: i.shares.map((s) => ({ member: s.member, cents: exact(s.cents), basis: s.basis.map(basisJson) })),
  };
}

function summaryJson(summary: CostsSummary): object {
  return {
    keys: summary.keys,
    openKeys: summary.openKeys.map((k) => ({ id: k.id, name: k.name, offen: k.reason })),
    budgets: summary.budgets.map(budgetJson),
    einmaligVerbund: vza(summary.einmaligVerbund),
    ...(summary.itAufwand ? { itAufwand: { minCents: exact(summary.itAufwand.min), maxCents: exact(summary.itAufwand.max) } } : {}),
  };
}

function budgetJson(b: Budget): object {
  return {
    member: b.member,
    name: b.name,
    years: b.jahre,
    rows: b.zeilen.map((z) => ({ kostenart: z.kostenart, cents: z.cents.map(exact) })),
    totalCents: b.summe.map(exact),
    staffing: vza({
      needMin: b.stellen.bedarfMin,
      needMax: b.stellen.bedarfMax,
      existing: b.stellen.vorhanden,
      additionalMin: b.stellen.zusaetzlichMin,
      additionalMax: b.stellen.zusaetzlichMax,
    }),
  };
}

/** Cents as a JSON number, or refused where a number would no longer be exact. */
export function exact(cents: bigint): number {
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new NotExactError(`Die Summe ${formatEuro(cents)} ist zu groß, um als Zahl exakt ausgegeben zu werden.`);
  return Number(cents);
}

/** Hundredths of VZA as decimals (150 → 1.5), leaving out what is open or not recorded. */
function vza(values: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, v / 100]])));
}

function basisJson(b: Basis): object {
  return Object.fromEntries(Object.entries(b).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
}

function indent(text: string, by: string): string {
  return text.replace(/^/gm, by);
}

/**
 * CSV for a German spreadsheet without an import dialog: UTF-8 with BOM, ";" as separator,
 * amounts as "1.234,56 €". First one row per share with the key, its resolution and the
 * calculation; after an empty line each member's budget plan (cost types × years, the staffing
 * need). Text that a spreadsheet would read as a date or a formula is kept as text.
 */
export function csvWriter(sink: Sink, keys: ReadonlyMap<string, KeyInfo>): CostsWriter {
  const row = (cells: string[]) => sink(cells.map(csvField).join(';') + '\r\n');
  sink('\uFEFF');
  row(['Posten', 'Name', 'Jahr', 'Kostenart', 'Ziel', 'Mitglied', 'Betrag', 'Berechnung', 'Schlüssel und Beschluss']);
  return {
    item(i) {
      const key = explainKey(keys.get(i.schluessel)!);
      for (const s of i.shares)
        row([i.id, i.name, String(i.jahr), kostenartName(i.kostenart), `Ziel ${i.ziel}`, s.member, formatEuro(s.cents), explainBasis(s.basis), key]);
    },
    end(summary) {
      const years = summary.budgets[0]?.jahre ?? [];
      if (years.length === 0) return;
      sink('\r\n');
      row(['Haushaltsplan', 'Mitglied', 'Kostenart', ...years.map(String)]);
      for (const b of summary.budgets) {
        for (const z of b.zeilen) row(['Haushaltsplan', b.member, kostenartName(z.kostenart), ...z.cents.map(formatEuro)]);
        row(['Haushaltsplan', b.member, 'Summe', ...b.summe.map(formatEuro)]);
        const s = b.stellen;
        const v = (h: number | undefined) => (h === undefined ? 'offen' : `${(h / 100).toFixed(2).replace('.', ',')} VZA`);
        const known =
          s.vorhanden === undefined
            ? ['vorhandene Stellen nicht erfasst']
            : [`vorhanden ${v(s.vorhanden)}`, `zusätzlich ${v(s.zusaetzlichMin)} bis ${v(s.zusaetzlichMax)}`];
        row(['Stellen', b.member, 'dauerhaft', `Bedarf ${v(s.bedarfMin)} bis ${v(s.bedarfMax)}`, ...known]);
      }
      for (const line of verbundNeedText(summary)) row(['Verbund', line]);
    },
  };
}

function csvField(value: string): string {
  // A leading = + - @ (or tab, CR) would start a formula in a spreadsheet: quote it as text.
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
