// `verbund costs` on a small root (the base fixture with one key and two items) and on the
// example Verbund: text with each share's basis and the budget plans, JSON against its schema,
// CSV for a German spreadsheet, the Excel workbook read back, filters, and nothing recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, materialize, RULE_CASES } from './fixture-cases';
import { brokenRoot, REPO, temporaryRoots, verbund } from './support/cli';

const roots = temporaryRoots();
const root = materialize(path.join(RULE_CASES, 'kosten-posten-in-kraft', 'valid'), { findings: [] });
roots.push(root);
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
  JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'output', 'costs.schema.json'), 'utf8')) as object,
);

interface CostsJson {
  items: { id: string; jahr: number; totalCents: number; shares: { member: string; cents: number; basis: object[] }[] }[];
  budgets: { member: string; years: number[]; rows: { kostenart: string; cents: number[] }[]; totalCents: number[]; staffing: object }[];
  keys: { id: string }[];
  openKeys: object[];
}
const json = (...args: string[]) => JSON.parse(verbund('costs', ...args, '--format', 'json').stdout) as CostsJson;

describe('verbund costs', () => {
  it('prints each item per year with its key, resolution and every share’s basis, then each member’s budget plan', () => {
    const run = verbund('costs', '--root', root, '--year', '2027', '--member', 'gemeinde-a');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Kostenposten',
        '',
        'Posten lizenzen (lizenzen), 2027, Software, Ziel 1.2: 1.200,00 €',
        '  Schlüssel gleich „Zu gleichen Teilen“ – HVB-Runde, Beschluss HVB-2026-04 vom 2026-03-01, gilt vom 2026-01-01 bis 2027-12-31',
        '  gemeinde-a                             600,00 €  1 von 2 gleichen Teilen',
        '',
        'Haushaltsplanung je Mitglied',
        '',
        'Gemeinde A (gemeinde-a)',
        '  Kostenart                     2027',
        '  Personal                    0,00 €',
        '  Technik                     0,00 €',
        '  Räume                       0,00 €',
        '  Software                  600,00 €',
        '  Dienstleistungen            0,00 €',
        '  Summe                     600,00 €',
        '  Stellen (VZA, dauerhaft): Bedarf 0,5 bis 1,5, vorhandene Stellen nicht erfasst (vorhandeneStellen in der Datei des Mitglieds)',
        '',
        'Einmaliger Stellenbedarf des Verbunds (einmal, nicht je Mitglied): 1 bis 2 VZA',
        'Geschätzter IT-Aufwand des Verbunds (Hard- und Software): 10.000,00 € bis 50.000,00 €',
        '',
      ].join('\n'),
    );
  });

  it('on the example Verbund: a key in stages (Kreis 35 %, the rest by inhabitants), hand-computed', () => {
    const out = json('--root', EXAMPLE, '--year', '2027');
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    const item = out.items.find((i) => i.id === 'projektleitung')!;
    // 86.400,00 €: the Kreis 35 % = 30.240,00 €; 56.160,00 € by 6.140 : 12.480 : 8.930 : 16.720 : 31.250 (Σ 75.520).
    expect(Object.fromEntries(item.shares.map((s) => [s.member, s.cents]))).toEqual({
      'flecken-lindenau': 456597,
      'gemeinde-birkenfelde': 928068,
      'gemeinde-eichwalde': 664074,
      'landkreis-heideland': 3024000,
      'samtgemeinde-am-moorbach': 1243373,
      'stadt-musterstadt': 2323888,
    });
    expect(item.shares.find((s) => s.member === 'stadt-musterstadt')!.basis).toEqual([
      { art: 'einwohner', stage: '2', stageShare: 'rest', weight: 31250, weightSum: 75520, stichtag: '2024-12-31', genauigkeit: 'amtlich' },
    ]);
    for (const i of out.items) expect(i.shares.reduce((s, x) => s + x.cents, 0)).toBe(i.totalCents);
    // The budget plan adds up to the shares, and the staffing need is reduced by what the member has.
    const stadt = out.budgets.find((h) => h.member === 'stadt-musterstadt')!;
    // 2027: 23.238,88 + 8.333,33 + 1.000,00 + 8.637,97 (above and its other items) + 1.932,47 for the chat by seats:
    // 7.200,00 € by 85 : 640 : 120 : 310 seats (Σ 1.155) → 529,87… 3.989,61… 748,05… 1.932,46|75: the leftover cent to the largest remainder, the city's.
    expect(out.items.find((i) => i.id === 'chat-betrieb')!.shares.map((s) => s.cents)).toEqual([52987, 398961, 74805, 193247]);
    expect(stadt.totalCents).toEqual([4314265]);
    expect(stadt.staffing).toEqual({ needMin: 0.5, needMax: 1.5, existing: 1.25, additionalMin: 0, additionalMax: 0.25 });
    expect(out.keys.map((k) => k.id)).toEqual([
      'einwohner-gemeinden',
      'gleiche-teile',
      'kreis-und-stadt',
      'nutzung-nextcloud',
      'plaetze-chat',
      'verbundumlage',
    ]);
  });

  it('writes JSON that matches its contract, with exact cents adding up to each total', () => {
    const out = json('--root', root);
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.items.map((i) => `${i.id} ${i.jahr} ${i.totalCents}`)).toEqual(['einrichtung 2026 120000', 'lizenzen 2026 120000', 'lizenzen 2027 120000']);
    for (const i of out.items) expect(i.shares.reduce((s, x) => s + x.cents, 0)).toBe(i.totalCents);
  });

  it('its JSON Schema rejects what the contract forbids: fractional cents, a share without its basis, an unknown field', () => {
    const out = json('--root', root);
    const share = out.items[0]!.shares[0]!;
    const mutate = (change: (o: CostsJson) => void) => {
      const copy = structuredClone(out);
      change(copy);
      return validate(copy);
    };
    expect(validate(out)).toBe(true);
    expect(mutate((o) => (o.items[0]!.shares[0]!.cents = share.cents + 0.5))).toBe(false);
    expect(mutate((o) => delete (o.items[0]!.shares[0] as { basis?: object[] }).basis)).toBe(false);
    expect(mutate((o) => Object.assign(o.items[0]!, { euro: 1 }))).toBe(false);
  });

  it('writes CSV a German spreadsheet opens directly (BOM, semicolons, 1.234,56 €, the goal as text, not a date): shares with calculation and resolution, then the budget plan', () => {
    const csv = verbund('costs', '--root', root, '--format', 'csv', '--member', 'gemeinde-a').stdout;
    const key = 'Schlüssel gleich „Zu gleichen Teilen“ – HVB-Runde, Beschluss HVB-2026-04 vom 2026-03-01, gilt vom 2026-01-01 bis 2027-12-31';
    expect(csv).toBe(
      '\uFEFFPosten;Name;Jahr;Kostenart;Ziel;Mitglied;Betrag;Berechnung;Schlüssel und Beschluss\r\n' +
        `einrichtung;Posten einrichtung;2026;Software;Ziel 1.2;gemeinde-a;600,00 €;1 von 2 gleichen Teilen;${key}\r\n` +
        `lizenzen;Posten lizenzen;2026;Software;Ziel 1.2;gemeinde-a;600,00 €;1 von 2 gleichen Teilen;${key}\r\n` +
        `lizenzen;Posten lizenzen;2027;Software;Ziel 1.2;gemeinde-a;600,00 €;1 von 2 gleichen Teilen;${key}\r\n` +
        '\r\n' +
        'Haushaltsplan;Mitglied;Kostenart;2026;2027\r\n' +
        'Haushaltsplan;gemeinde-a;Personal;0,00 €;0,00 €\r\n' +
        'Haushaltsplan;gemeinde-a;Technik;0,00 €;0,00 €\r\n' +
        'Haushaltsplan;gemeinde-a;Räume;0,00 €;0,00 €\r\n' +
        'Haushaltsplan;gemeinde-a;Software;1.200,00 €;600,00 €\r\n' +
        'Haushaltsplan;gemeinde-a;Dienstleistungen;0,00 €;0,00 €\r\n' +
        'Haushaltsplan;gemeinde-a;Summe;1.200,00 €;600,00 €\r\n' +
        'Stellen;gemeinde-a;dauerhaft;Bedarf 0,50 VZA bis 1,50 VZA;vorhandene Stellen nicht erfasst\r\n' +
        'Verbund;Einmaliger Stellenbedarf des Verbunds (einmal, nicht je Mitglied): 1 bis 2 VZA\r\n' +
        'Verbund;Geschätzter IT-Aufwand des Verbunds (Hard- und Software): 10.000,00 € bis 50.000,00 €\r\n',
    );
  });

  it('writes an Excel workbook (a summary and one sheet per member) whose figures, read back, equal the JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-xlsx-'));
    roots.push(dir);
    const file = path.join(dir, 'kosten.xlsx');
    const run = verbund('costs', '--root', EXAMPLE, '--format', 'xlsx', '--out', file);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: `verbund: Kosten nach ${file} geschrieben.\n` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const out = json('--root', EXAMPLE);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Übersicht', ...out.budgets.map((h) => h.member)]);
    const cents = (v: unknown) => Math.round((v as number) * 100);
    // Summary: each member's sum per year.
    const summary = book.getWorksheet('Übersicht')!;
    for (const [i, h] of out.budgets.entries()) {
      const row = summary.getRow(3 + i);
      expect(row.getCell(1).value).toBe(h.member);
      expect(h.years.map((_, c) => cents(row.getCell(3 + c).value))).toEqual(h.totalCents);
    }
    // Each member's sheet: the budget plan by cost type, and every share of every item.
    for (const h of out.budgets) {
      const sheet = book.getWorksheet(h.member)!;
      for (const [r, z] of h.rows.entries()) expect(h.years.map((_, c) => cents(sheet.getRow(3 + r).getCell(2 + c).value))).toEqual(z.cents);
      const shares: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 12 && typeof row.getCell(3).value === 'number')
          shares.push(`${String(row.getCell(1).value)} ${String(row.getCell(3).value)} ${cents(row.getCell(5).value)}`);
      });
      expect(shares.length).toBeGreaterThan(0);
      expect(shares).toEqual(out.items.flatMap((i) => i.shares.filter((s) => s.member === h.member).map((s) => `${i.id} ${i.jahr} ${s.cents}`)));
    }
  });

  it('--format xlsx needs --out; an --out that cannot be written is a German error and leaves nothing behind', () => {
    expect(verbund('costs', '--root', root, '--format', 'xlsx')).toMatchObject({ code: 2, stderr: expect.stringContaining('bitte --out DATEI.xlsx angeben') });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-out-'));
    roots.push(dir);
    const missing = path.join(dir, 'fehlt', 'kosten.csv');
    expect(verbund('costs', '--root', root, '--format', 'csv', '--out', missing)).toMatchObject({
      code: 2,
      stderr: `verbund: ${missing} lässt sich nicht schreiben (der Ordner existiert nicht).\n`,
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses with exit 1 what the check reports as not splittable (a usage key for a service nobody takes part in)', () => {
    const usage = materialize(path.join(RULE_CASES, 'kosten-posten-in-kraft', 'valid'), { findings: [] });
    roots.push(usage);
    fs.mkdirSync(path.join(usage, 'governance', 'dienste'));
    fs.writeFileSync(
      path.join(usage, 'governance', 'dienste', 'chat.yaml'),
      fs.readFileSync(path.join(RULE_CASES, 'dienst-katalog', 'valid', 'governance', 'dienste', 'dateien.yaml'), 'utf8').replace(/dateien/g, 'chat'),
    );
    const keyFile = path.join(usage, 'governance', 'kostenschluessel', 'gleich.yaml');
    fs.writeFileSync(keyFile, fs.readFileSync(keyFile, 'utf8').replace('verteilung: { art: gleich }', 'verteilung: { art: nutzung, dienst: chat }'));
    const run = verbund('costs', '--root', usage, '--year', '2027');
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'verbund: Die Governance-Daten haben 1 Fehler; bitte zuerst beheben (Einzelheiten: verbund check).\n' +
        'governance/kostenschluessel/gleich.yaml:5:13  [kosten-verteilbar] Der Schlüssel „gleich“ lässt sich nicht anwenden: Am Dienst „chat“ nimmt niemand teil; nach Nutzung lässt sich nichts verteilen.\n',
    );
    expect(run.code).toBe(1);
  });

  it('says when a year or member has no items, instead of an empty report', () => {
    expect(verbund('costs', '--root', root, '--year', '2030')).toMatchObject({ code: 0, stdout: 'Keine Kostenposten im Jahr 2030.\n' });
    expect(verbund('costs', '--root', EXAMPLE, '--year', '2026', '--member', 'gemeinde-eichwalde').stdout).toContain('Kostenposten\n\n');
  });

  it('--out replaces only a regular file: a folder, a link or a device is refused, and nothing is left behind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-out-'));
    roots.push(dir);
    fs.symlinkSync('/dev/null', path.join(dir, 'link.csv'));
    expect(verbund('costs', '--root', root, '--out', dir)).toMatchObject({ code: 2, stderr: `verbund: ${dir} lässt sich nicht schreiben (ist ein Ordner).\n` });
    expect(verbund('costs', '--root', root, '--out', path.join(dir, 'link.csv')).stderr).toContain(
      'lässt sich nicht schreiben (ist eine symbolische Verknüpfung; bitte den Pfad der Datei selbst angeben)',
    );
    expect(verbund('costs', '--root', root, '--out', '/dev/null').stderr).toBe(
      'verbund: /dev/null lässt sich nicht schreiben (ist keine gewöhnliche Datei).\n',
    );
    expect(fs.readdirSync(dir)).toEqual(['link.csv']);
    const file = path.join(dir, 'kosten.json');
    expect(verbund('costs', '--root', root, '--format', 'json', '--out', file).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(json('--root', root));
  });

  it('refuses (exit 2) a sum too large to be an exact JSON number, instead of rounding it', () => {
    const big = materialize(path.join(RULE_CASES, 'kosten-posten-in-kraft', 'valid'), { findings: [] });
    roots.push(big);
    const item = fs.readFileSync(path.join(big, 'governance', 'kostenposten', 'lizenzen.yaml'), 'utf8').replace('"1200.00"', '"9999999999999.99"');
    for (let i = 0; i < 20; i++)
      fs.writeFileSync(path.join(big, 'governance', 'kostenposten', `gross-${i}.yaml`), item.replace('id: lizenzen', `id: gross-${i}`));
    const run = verbund('costs', '--root', big, '--format', 'json', '--year', '2026');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'verbund: Die Posten des Jahres 2026 ergeben zusammen 200.000.000.002.399,80 €; so große Summen lassen sich in json nicht exakt als Zahl ausgeben (text und csv können es).\n',
    );
    expect(verbund('costs', '--root', big, '--year', '2026', '--member', 'gemeinde-a').stdout).toContain('  Summe              100.000.000.001.200,00 €\n');
  });

  it('refuses an unknown member or year, and exits 1 on data with errors', () => {
    expect(verbund('costs', '--root', root, '--member', 'gibt-es-nicht')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Das Mitglied „gibt-es-nicht“ gibt es nicht.'),
    });
    expect(verbund('costs', '--root', root, '--year', '26')).toMatchObject({ code: 2, stderr: expect.stringContaining('--year erwartet ein Jahr JJJJ') });
    expect(verbund('costs', '--root', brokenRoot(roots)).code).toBe(1);
  });
});
