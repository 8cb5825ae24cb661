import type { Workbook, Worksheet } from 'exceljs';
import type { Budget } from './budget';
import { explainBasis, explainKey, kostenartName } from './explain';
import { verbundNeedText, type CostsReport } from './report';
import { exact } from './report-data';

/** Euro with German grouping in the cell (the workbook's locale shows 1.234,56 €). */
const EURO = '#,##0.00 "€"';
const SUMMARY = 'Übersicht';

/**
 * The costs as an Excel workbook for a Kämmerei: a summary sheet (each member's sum per year,
 * the keys with their resolutions, the Verbund's one-off need) and one sheet per member (its
 * budget plan by cost type and year, its staffing need, and every share with its calculation).
 * Amounts are numeric cells, cents/100: below 2^53 cents each is the double nearest to the
 * exact amount, so reading it back and rounding to cents gives the exact figure again. Text
 * is only ever a string cell, never a formula.
 */
export async function costsWorkbook(report: CostsReport): Promise<Buffer> {
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const book: Workbook = new ExcelJS.Workbook();
  book.creator = 'verbund costs';
  book.created = new Date(0); // no wall-clock time: the same data gives the same workbook
  book.modified = new Date(0);
  summarySheet(book.addWorksheet(SUMMARY), report);
  const names = sheetNames(report.budgets.map((b) => b.member));
  report.budgets.forEach((b, i) => memberSheet(book.addWorksheet(names[i]!), b, report));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function summarySheet(sheet: Worksheet, report: CostsReport): void {
  const jahre = report.budgets[0]?.jahre ?? [];
  sheet.addRow(['Kosten je Mitglied und Jahr']).font = { bold: true };
  heading(sheet, ['Mitglied', 'Name', ...jahre.map(String)]);
  for (const b of report.budgets) euros(sheet.addRow([b.member, b.name, ...b.summe.map(toEuro)]), 3);
  sheet.addRow([]);
  sheet.addRow(['Kostenschlüssel und Beschlüsse']).font = { bold: true };
  for (const k of report.keys) sheet.addRow([explainKey(k)]);
  sheet.addRow([]);
  for (const line of verbundNeedText(report)) sheet.addRow([line]);
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 30;
}

function memberSheet(sheet: Worksheet, b: Budget, report: CostsReport): void {
  sheet.addRow([`${b.name} (${b.member})`]).font = { bold: true };
  heading(sheet, ['Kostenart', ...b.jahre.map(String)]);
  for (const z of b.zeilen) euros(sheet.addRow([kostenartName(z.kostenart), ...z.cents.map(toEuro)]), 2);
  const sum = euros(sheet.addRow(['Summe', ...b.summe.map(toEuro)]), 2);
  sum.font = { bold: true };
  const s = b.stellen;
  sheet.addRow(['Stellen (VZA, dauerhaft)', 'Bedarf min', 'Bedarf max', 'vorhanden', 'zusätzlich min', 'zusätzlich max']);
  sheet.addRow(['', ...[s.bedarfMin, s.bedarfMax, s.vorhanden, s.zusaetzlichMin, s.zusaetzlichMax].map((h) => (h === undefined ? 'offen' : h / 100))]);
  sheet.addRow([]);
  heading(sheet, ['Posten', 'Name', 'Jahr', 'Kostenart', 'Betrag', 'Berechnung', 'Schlüssel und Beschluss']);
  const keys = new Map(report.keys.map((k) => [k.id, k]));
  for (const i of report.items) {
    for (const share of i.shares) {
      if (share.member !== b.member) continue;
      euros(
        sheet.addRow([i.id, i.name, i.jahr, kostenartName(i.kostenart), toEuro(share.cents), explainBasis(share.basis), explainKey(keys.get(i.schluessel)!)]),
        5,
        5,
      );
    }
  }
  sheet.getColumn(1).width = 28;
  sheet.getColumn(6).width = 60;
}

function heading(sheet: Worksheet, cells: string[]): void {
  sheet.addRow(cells).font = { bold: true };
}

/** Marks the row's cells from column `from` (to `to`) as euro amounts. */
function euros<R extends { getCell(i: number): { numFmt: string }; cellCount: number }>(row: R, from: number, to = row.cellCount): R {
  for (let c = from; c <= to; c++) row.getCell(c).numFmt = EURO;
  return row;
}

function toEuro(cents: bigint): number {
  return exact(cents) / 100;
}

/**
 * Sheet names: at most 31 characters, none of : \ / ? * [ ], unique regardless of case, and
 * never the summary's name. Member ids are slugs, so only length and clashes need care.
 */
export function sheetNames(ids: readonly string[]): string[] {
  const taken = new Set([SUMMARY.toLowerCase()]);
  return ids.map((id) => {
    let name = id.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${id.slice(0, 31 - String(n).length - 1)}~${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
