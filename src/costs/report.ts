import { escapeLine } from '../findings/escape';
import { formatVza, type Budget } from './budget';
import type { CostsResult } from './compute';
import { explainBasis, explainKey, kostenartName } from './explain';
import { formatEuro } from './money';

/** What `verbund costs` reports: the split items, and per member a budget plan. */
export interface CostsReport extends CostsResult {
  budgets: Budget[];
  /** The Verbund's one-off staffing need (hundredths of VZA), counted once. */
  einmaligVerbund: { min?: number; max?: number };
}

/** When there is nothing to split: say so, and name the keys still open. */
export function nothingRecorded(report: CostsReport): string {
  const lines = ['Keine Kostenposten erfasst (governance/kostenposten/): es gibt nichts zu verteilen.'];
  for (const k of report.openKeys) lines.push(`Kostenschlüssel ${k.id} „${k.name}“ ist noch offen: ${k.reason}`);
  return lines.map(escapeLine).join('\n') + '\n';
}

/** Text: each item and year with its key, legal basis, total and the basis of every share; then each member's budget plan. */
export function costsText(report: CostsReport): string {
  if (report.items.length === 0) return nothingRecorded(report);
  const keys = new Map(report.keys.map((k) => [k.id, k]));
  const lines: string[] = ['Kostenposten', ''];
  for (const i of report.items) {
    lines.push(`${i.name} (${i.id}), ${i.jahr}, ${kostenartName(i.kostenart)}, Ziel ${i.ziel}: ${formatEuro(i.totalCents)}`);
    lines.push(`  ${explainKey(keys.get(i.schluessel)!)}`);
    for (const s of i.shares) lines.push(`  ${s.member.padEnd(30)} ${formatEuro(s.cents).padStart(16)}  ${explainBasis(s.basis)}`);
  }
  lines.push('', 'Haushaltsplanung je Mitglied');
  for (const b of report.budgets) lines.push('', ...budgetText(b));
  const once = report.einmaligVerbund;
  lines.push('', `Einmaliger Stellenbedarf des Verbunds (einmal, nicht je Mitglied): ${formatVza(once.min)} bis ${formatVza(once.max)} VZA`);
  return lines.map(escapeLine).join('\n') + '\n';
}

function budgetText(b: Budget): string[] {
  const cell = (text: string) => text.padStart(16);
  const lines = [`${b.name} (${b.member})`, `  ${'Kostenart'.padEnd(18)}${b.jahre.map((j) => cell(String(j))).join('')}`];
  for (const z of b.zeilen) lines.push(`  ${kostenartName(z.kostenart).padEnd(18)}${z.cents.map((c) => cell(formatEuro(c))).join('')}`);
  lines.push(`  ${'Summe'.padEnd(18)}${b.summe.map((c) => cell(formatEuro(c))).join('')}`);
  lines.push(`  ${stellenText(b)}`);
  return lines;
}

export function stellenText(b: Budget): string {
  const s = b.stellen;
  const need = `Stellen (VZA, dauerhaft): Bedarf ${formatVza(s.bedarfMin)} bis ${formatVza(s.bedarfMax)}`;
  if (s.vorhanden === undefined) return `${need}, vorhandene Stellen nicht erfasst (vorhandeneStellen in der Datei des Mitglieds)`;
  return `${need}, vorhanden ${formatVza(s.vorhanden)}, zusätzlich ${formatVza(s.zusaetzlichMin)} bis ${formatVza(s.zusaetzlichMax)}`;
}
