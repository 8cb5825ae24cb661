// `verbund costs` on a small root (the base fixture with one key and two items): text, JSON
// against its schema, CSV for a German spreadsheet, filters, and a Verbund with nothing recorded.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { materialize, RULE_CASES } from './fixture-cases';
import { brokenRoot, REPO, temporaryRoots, verbund } from './support/cli';

const roots = temporaryRoots();
const root = materialize(path.join(RULE_CASES, 'kosten-posten-in-kraft', 'valid'), { findings: [] });
roots.push(root);
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
  JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'output', 'costs.schema.json'), 'utf8')) as object,
);

describe('verbund costs', () => {
  it('prints each item per year with its shares, and each member’s sum per year', () => {
    const run = verbund('costs', '--root', root, '--year', '2027');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Posten lizenzen (lizenzen), 2027, software, Schlüssel gleich: 1.200,00 €',
        '  gemeinde-a                               600,00 €',
        '  landkreis-muster                         600,00 €',
        '',
        'Summe je Mitglied und Jahr:',
        '  2027  gemeinde-a                               600,00 €',
        '  2027  landkreis-muster                         600,00 €',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON that matches its contract, with exact cents adding up to each total', () => {
    const out = JSON.parse(verbund('costs', '--root', root, '--format', 'json').stdout) as {
      items: { id: string; jahr: number; totalCents: number; shares: { cents: number }[] }[];
    };
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.items.map((i) => `${i.id} ${i.jahr} ${i.totalCents}`)).toEqual(['einrichtung 2026 120000', 'lizenzen 2026 120000', 'lizenzen 2027 120000']);
    for (const i of out.items) expect(i.shares.reduce((s, x) => s + x.cents, 0)).toBe(i.totalCents);
  });

  it('writes CSV a German spreadsheet opens directly: BOM, semicolons, 1.234,56 €', () => {
    const csv = verbund('costs', '--root', root, '--format', 'csv', '--member', 'gemeinde-a').stdout;
    expect(csv).toBe(
      '\uFEFFPosten;Name;Jahr;Kostenart;Schlüssel;Mitglied;Betrag\r\n' +
        'einrichtung;Posten einrichtung;2026;software;gleich;gemeinde-a;600,00 €\r\n' +
        'lizenzen;Posten lizenzen;2026;software;gleich;gemeinde-a;600,00 €\r\n' +
        'lizenzen;Posten lizenzen;2027;software;gleich;gemeinde-a;600,00 €\r\n',
    );
  });

  it('exits 1 with a German message when an item cannot be split (a usage key for a service nobody takes part in)', () => {
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
    expect(run.stderr).toBe('verbund: Posten „lizenzen“ (2027): Am Dienst „chat“ nimmt niemand teil; nach Nutzung lässt sich nichts verteilen.\n');
    expect(run.code).toBe(1);
  });

  it('says when nothing is recorded, refuses an unknown member or year, and exits 1 on data with errors', () => {
    const base = materialize(path.join(RULE_CASES, 'kosten-zahlen', 'valid'), { findings: [] });
    roots.push(base);
    expect(verbund('costs', '--root', base).stdout).toBe('Keine Kostenposten erfasst (governance/kostenposten/): es gibt nichts zu verteilen.\n');
    expect(verbund('costs', '--root', root, '--member', 'gibt-es-nicht')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Das Mitglied „gibt-es-nicht“ gibt es nicht.'),
    });
    expect(verbund('costs', '--root', root, '--year', '26')).toMatchObject({ code: 2, stderr: expect.stringContaining('--year erwartet ein Jahr JJJJ') });
    expect(verbund('costs', '--root', brokenRoot(roots)).code).toBe(1);
  });
});
