import type { Basis } from './distribute';
import { explainBasis, explainKey, kostenartName } from './explain';
import { formatEuro } from './money';
import type { CostsReport } from './report';

/**
 * The JSON of DESIGN.md's contract ({"items":[{"id","totalCents","shares":[{"member","cents"}]}]}),
 * with additive fields: each share's basis, the keys with their legal basis, the open keys and
 * the budget plans. Keys the tool computes are English, keys from the YAML German (README).
 * Cents as numbers (the schema keeps amounts below 2^53 cents); VZA as decimals.
 */
export function costsJson(report: CostsReport): object {
  return {
    items: report.items.map((i) => ({
      id: i.id,
      name: i.name,
      jahr: i.jahr,
      kostenart: i.kostenart,
      ziel: i.ziel,
      ...(i.dienst === undefined ? {} : { dienst: i.dienst }),
      schluessel: i.schluessel,
      totalCents: Number(i.totalCents),
      shares: i.shares.map((s) => ({ member: s.member, cents: Number(s.cents), basis: s.basis.map(basisJson) })),
    })),
    keys: report.keys,
    openKeys: report.openKeys.map((k) => ({ id: k.id, name: k.name, offen: k.reason })),
    budgets: report.budgets.map((b) => ({
      member: b.member,
      name: b.name,
      years: b.jahre,
      rows: b.zeilen.map((z) => ({ kostenart: z.kostenart, cents: z.cents.map(Number) })),
      totalCents: b.summe.map(Number),
      staffing: vza({
        needMin: b.stellen.bedarfMin,
        needMax: b.stellen.bedarfMax,
        existing: b.stellen.vorhanden,
        additionalMin: b.stellen.zusaetzlichMin,
        additionalMax: b.stellen.zusaetzlichMax,
      }),
    })),
    einmaligVerbund: vza(report.einmaligVerbund),
  };
}

/** Hundredths of VZA as decimals (150 → 1.5), leaving out what is open or not recorded. */
function vza(values: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, v / 100]])));
}

function basisJson(b: Basis): object {
  return Object.fromEntries(Object.entries(b).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
}

/**
 * CSV for a German spreadsheet without an import dialog: UTF-8 with BOM, ";" as separator,
 * amounts as "1.234,56 €", one row per share with the key, its resolution and the calculation.
 * Fields are quoted where they hold a separator, quote or line break.
 */
export function costsCsv(report: CostsReport): string {
  const keys = new Map(report.keys.map((k) => [k.id, k]));
  const rows = [['Posten', 'Name', 'Jahr', 'Kostenart', 'Ziel', 'Mitglied', 'Betrag', 'Berechnung', 'Schlüssel und Beschluss']];
  for (const i of report.items) {
    const key = explainKey(keys.get(i.schluessel)!);
    for (const s of i.shares)
      rows.push([i.id, i.name, String(i.jahr), kostenartName(i.kostenart), i.ziel, s.member, formatEuro(s.cents), explainBasis(s.basis), key]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // A leading = + - @ would start a formula in a spreadsheet: quote it as text.
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
