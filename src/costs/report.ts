import { escapeLine } from '../findings/escape';
import type { ItemYear } from './compute';
import { formatEuro } from './money';

/** The JSON of DESIGN.md's contract (additive: jahr, name, kostenart, schluessel); cents as numbers (the schema keeps amounts below 2^53 cents). */
export function costsJson(items: readonly ItemYear[]): object {
  return {
    items: items.map((i) => ({
      id: i.id,
      name: i.name,
      jahr: i.jahr,
      kostenart: i.kostenart,
      schluessel: i.schluessel,
      totalCents: Number(i.totalCents),
      shares: i.shares.map((s) => ({ member: s.member, cents: Number(s.cents) })),
    })),
  };
}

const NOTHING = 'Keine Kostenposten erfasst (governance/kostenposten/): es gibt nichts zu verteilen.';

/** Text: each item and year with its key, total and shares; then each member's sum per year. */
export function costsText(items: readonly ItemYear[]): string {
  if (items.length === 0) return `${NOTHING}\n`;
  const lines: string[] = [];
  for (const i of items) {
    lines.push(`${i.name} (${i.id}), ${i.jahr}, ${i.kostenart}, Schlüssel ${i.schluessel}: ${formatEuro(i.totalCents)}`);
    for (const s of i.shares) lines.push(`  ${s.member.padEnd(30)} ${formatEuro(s.cents).padStart(18)}`);
  }
  const sums = new Map<string, bigint>();
  for (const i of items) for (const s of i.shares) sums.set(`${i.jahr}\u0000${s.member}`, (sums.get(`${i.jahr}\u0000${s.member}`) ?? 0n) + s.cents);
  lines.push('', 'Summe je Mitglied und Jahr:');
  for (const [key, cents] of [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [jahr, member] = key.split('\u0000');
    lines.push(`  ${jahr}  ${member!.padEnd(30)} ${formatEuro(cents).padStart(18)}`);
  }
  return lines.map(escapeLine).join('\n') + '\n';
}

/**
 * CSV for a German spreadsheet without an import dialog: UTF-8 with BOM, ";" as separator,
 * amounts as "1.234,56 €". Fields are quoted where they hold a separator, quote or line break.
 */
export function costsCsv(items: readonly ItemYear[]): string {
  const rows = [['Posten', 'Name', 'Jahr', 'Kostenart', 'Schlüssel', 'Mitglied', 'Betrag']];
  for (const i of items) for (const s of i.shares) rows.push([i.id, i.name, String(i.jahr), i.kostenart, i.schluessel, s.member, formatEuro(s.cents)]);
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // A leading = + - @ would start a formula in a spreadsheet: quote it as text.
  const guarded = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
