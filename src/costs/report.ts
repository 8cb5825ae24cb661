import { escapeLine } from '../findings/escape';
import { formatVza, type Budget, type VerbundNeed } from './budget';
import type { CostsResult, ItemYear, KeyInfo } from './compute';
import { explainBasis, explainKey, kostenartName } from './explain';
import { formatEuro } from './money';

/** What follows the items: the keys used, the open keys, each member's budget plan and the Verbund's one-off need. */
export interface CostsSummary extends VerbundNeed {
  keys: KeyInfo[];
  openKeys: CostsResult['openKeys'];
  budgets: Budget[];
}

/** Everything at once (the workbook needs it so). */
export interface CostsReport extends CostsSummary {
  items: ItemYear[];
}

/** Where a writer writes: stdout or a file, piece by piece. */
export type Sink = (text: string) => void;

/** Writes the items as they are computed, then the summary: memory stays bounded by one item. */
export interface CostsWriter {
  item(item: ItemYear): void;
  end(summary: CostsSummary): void;
}

/** When nothing is recorded at all: say so, and name the keys still open. */
export function nothingRecorded(openKeys: CostsSummary['openKeys']): string {
  const lines = ['Keine Kostenposten erfasst (governance/kostenposten/): es gibt nichts zu verteilen.'];
  for (const k of openKeys) lines.push(`Kostenschlüssel ${k.id} „${k.name}“ ist noch offen: ${k.reason}`);
  return lines.map(escapeLine).join('\n') + '\n';
}

/** Text: each item and year with its key, legal basis, total and the basis of every share; then each member's budget plan. */
export function textWriter(sink: Sink, keys: ReadonlyMap<string, KeyInfo>, filter: { year?: number; member?: string }): CostsWriter {
  let count = 0;
  const write = (lines: string[]) => sink(lines.map(escapeLine).join('\n') + '\n');
  return {
    item(i) {
      if (count++ === 0) write(['Kostenposten', '']);
      const lines = [
        `${i.name} (${i.id}), ${i.jahr}, ${kostenartName(i.kostenart)}, Ziel ${i.ziel}: ${formatEuro(i.totalCents)}`,
        `  ${explainKey(keys.get(i.schluessel)!)}`,
      ];
      for (const s of i.shares) lines.push(`  ${s.member.padEnd(30)} ${formatEuro(s.cents).padStart(16)}  ${explainBasis(s.basis)}`);
      write(lines);
    },
    end(summary) {
      if (count === 0) {
        const scope = [filter.year !== undefined ? `im Jahr ${filter.year}` : '', filter.member !== undefined ? `mit einem Anteil von ${filter.member}` : ''];
        write([`Keine Kostenposten ${scope.filter(Boolean).join(' ')}.`]);
        return;
      }
      const lines = ['', 'Haushaltsplanung je Mitglied'];
      for (const b of summary.budgets) lines.push('', ...budgetText(b));
      lines.push('', ...verbundNeedText(summary));
      write(lines);
    },
  };
}

/** The Verbund's one-off need, counted once for the Verbund, not per member. */
export function verbundNeedText(need: VerbundNeed): string[] {
  const once = need.einmaligVerbund;
  const it = need.itAufwand ? `${formatEuro(need.itAufwand.min)} bis ${formatEuro(need.itAufwand.max)}` : 'offen';
  return [
    `Einmaliger Stellenbedarf des Verbunds (einmal, nicht je Mitglied): ${formatVza(once.min)} bis ${formatVza(once.max)} VZA`,
    `Geschätzter IT-Aufwand des Verbunds (Hard- und Software): ${it}`,
  ];
}

function budgetText(b: Budget): string[] {
  const cell = (text: string) => ` ${text.padStart(15)}`;
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
