// Hostile input: huge, deep, invisible and injected content. Each ends in clear German
// findings, linear work, capped output and escaped printing; never a crash or a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FINDINGS, runChecks } from '../src/check/check';
import { idsEindeutig } from '../src/check/rules/ids-eindeutig';
import { formatStepSummary } from '../src/cli/format/step-summary';
import { loadGovernance } from '../src/load/load';
import { buildOrgView } from '../src/org/view';
import { organigramSvg } from '../src/org/svg';
import { checkSource, loadChecked } from '../src/pipeline';
import { compileValidators } from '../src/schema/compile';
import { BASE } from './fixture-cases';
import { memorySourceOf } from './support/memory-source';

const REPO = path.join(__dirname, '..');
const BIN = path.join(REPO, 'bin', 'verbund.js');
const validators = compileValidators(path.join(REPO, 'schemas', 'governance'));
const TODAY = '2026-11-21';
const HEADER = (kind: string) => `# yaml-language-server: $schema=../../schemas/governance/${kind}.schema.json\napiVersion: verbund/v1\n`;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const check = (overrides: Record<string, string>) => checkSource(memorySourceOf(BASE, overrides), { validators, today: TODAY });
const lines = (result: { findings: { rule: string; file: string; line: number; column: number; message: string }[] }) =>
  result.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`);

function gremium(id: string, vorlageAn: string[]): string {
  return `${HEADER('gremium')}id: ${id}\nname: Gremium ${id}\naufgabe: vorbereiten\nzusammensetzung:\n  offen: x\nvorlageAn: [${vorlageAn.join(', ')}]\n`;
}

describe('size and depth stay linear', () => {
  /** The smallest vocabulary the base fixture's terms need, on one line. */
  const VOKABULAR = [
    'vokabular: { mitgliedsarten: [{ id: Gemeinde, name: Gemeinde }, { id: Landkreis, name: Landkreis }],',
    'rollen: [{ id: cdo, name: CDO }, { id: digitallotse, name: Digitallotse }, { id: datenschutzbeauftragte, name: DSB }],',
    'gremienebenen: [{ id: politisch, name: p }, { id: operativ, name: o }], sitzungsrhythmen: [{ id: quartalsweise, name: q }, { id: monatlich, name: m }],',
    'mehrheiten: [{ id: einfach, name: e }] }',
  ].join(' ');

  it('100,000 keys in one mapping: every unknown key counted, 1,000 shown', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n');
    const result = check({
      'governance/verbund.yaml': `${HEADER('verbund').replace('../schemas', 'schemas')}id: v\nname: V\nmitglieder: [gemeinde-a, landkreis-muster]\n${VOKABULAR}\n${keys}\n`,
    });
    expect(result.ok).toBe(false);
    expect(result.totals.errors).toBe(100_000);
    expect(result.truncated).toEqual({ shown: 100, total: 100_000 });
    expect(result.findings[0]).toMatchObject({
      rule: 'schema',
      line: 7,
      column: 1,
      message: expect.stringMatching(/^Auf oberster Ebene: unbekannter Schlüssel „k0“/),
    });
  });

  it('40,000 entries in pruefregeln.yaml: each unknown rule is a finding, the output is capped', () => {
    const entries = Array.from({ length: 40_000 }, (_, i) => `  regel-${i}: warnung`).join('\n');
    const result = check({
      'policies/pruefregeln.yaml': `# yaml-language-server: $schema=../schemas/governance/pruefregeln.schema.json\napiVersion: verbund/v1\nschweregrade:\n${entries}\n`,
    });
    expect(result.totals.errors).toBe(40_000);
    expect(result.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    expect(result.findings[0]).toMatchObject({ rule: 'pruefregeln-gueltig', line: 4, column: 3 });
  });

  it('an escalation chain of 3,000 bodies is checked without recursion, and a cycle through them is found', () => {
    const chain: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) chain[`governance/gremien/g${i}.yaml`] = gremium(`g${i}`, [i === 2999 ? 'hvb-runde' : `g${i + 1}`]);
    expect(check(chain).findings.filter((f) => f.rule !== 'gremium-arbeitsweise')).toEqual([]);
    chain['governance/gremien/g2999.yaml'] = gremium('g2999', ['g0']);
    const cycle = check(chain).findings.filter((f) => f.rule === 'eskalation-endet-oben');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]!.message).toMatch(/^Die Eskalation bildet einen Kreis: g0 → g1 → .* → g2999 → g0\./);
  });

  it('7,000 units and 7,000 roles naming a missing unit: linear, and every message stays short', () => {
    const member = fs.readFileSync(path.join(BASE, 'governance/mitglieder/gemeinde-a.yaml'), 'utf8');
    const units = Array.from({ length: 7000 }, (_, i) => `  - { id: fd-${i}, name: F ${i}, art: fachdienst }`).join('\n');
    const roles = Array.from({ length: 7000 }, () => '  - { rolle: digitallotse, adresse: l@gemeinde-a.example, einheit: fehlt }').join('\n');
    const hostile = member.replace(/^einheiten:\n(?:  .*\n)+/m, `einheiten:\n${units}\n`).replace(/^rollen:\n(?:  .*\n)+/m, `rollen:\n${roles}\n`);
    const result = check({ 'governance/mitglieder/gemeinde-a.yaml': hostile });
    const dangling = result.findings.filter((f) => f.rule === 'referenz-aufloesbar');
    expect(result.totals.errors).toBe(7000);
    expect(dangling).toHaveLength(100);
    expect(dangling[0]!.message).toBe(
      'Verweis auf die Einheit „fehlt“, die „gemeinde-a“ nicht hat. Erfasste Einheiten: fd-0, fd-1, fd-2, fd-3, fd-4, fd-5, fd-6, fd-7, fd-8, fd-9, fd-10, fd-11, … (7000 insgesamt).',
    );
  });

  it('deep nesting is a finding, not a stack overflow', () => {
    const deep = `${HEADER('dimension')}id: "1"\nname: ${'['.repeat(5000)}${']'.repeat(5000)}\nbeschreibung: x\n`;
    expect(lines(check({ 'governance/dimensionen/1-infrastruktur.yaml': deep }))).toEqual([
      'yaml-syntax governance/dimensionen/1-infrastruktur.yaml:4:106 Die Daten sind zu tief verschachtelt (höchstens 100 Ebenen).',
    ]);
  });
});

describe('invisible characters', () => {
  const cases: [string, string, string][] = [
    ['ESC', '\u001b[2J', 'U+001B (Escape-Zeichen)'],
    ['BEL', '\u0007', 'U+0007 (Klingelzeichen)'],
    ['a C1 control', '\u009b', 'U+009B'],
    ['a zero-width space', '\u200b', 'U+200B (Breite-null-Leerzeichen)'],
    ['a bidi override', '\u202e', 'U+202E (Umkehrung der Schreibrichtung)'],
  ];
  for (const [name, character, described] of cases) {
    it(`${name} in a name is an error at its position`, () => {
      const file = `${HEADER('dimension')}id: "1"\nname: Netz${character}e\nbeschreibung: x\n`;
      expect(lines(check({ 'governance/dimensionen/1-infrastruktur.yaml': file }))).toEqual([
        `datei-steuerzeichen governance/dimensionen/1-infrastruktur.yaml:4:11 Die Datei enthält das unsichtbare Zeichen ${described}; bitte entfernen.`,
      ]);
    });
  }
});

describe('invisible characters written as escapes', () => {
  const cases: [string, string, string][] = [
    ['\\e in a quoted name', 'name: "Netz\\e[31me"', 'U+001B (Escape-Zeichen)'],
    ['\\a in a quoted name', 'name: "Netz\\ae"', 'U+0007 (Klingelzeichen)'],
    ['\\0 in a quoted name', 'name: "Netz\\0e"', 'U+0000 (Nullzeichen)'],
    ['\\r in a quoted name', 'name: "Netz\\re"', 'U+000D (Wagenrücklauf)'],
    ['\\u202e in a quoted name', 'name: "Netz\\u202ee"', 'U+202E (Umkehrung der Schreibrichtung)'],
    ['\\u200b in a quoted name', 'name: "Netz\\u200be"', 'U+200B (Breite-null-Leerzeichen)'],
  ];
  for (const [name, line, described] of cases) {
    it(`${name} is an error at the value`, () => {
      const file = `${HEADER('dimension')}id: "1"\n${line}\nbeschreibung: x\n`;
      expect(lines(check({ 'governance/dimensionen/1-infrastruktur.yaml': file }))).toEqual([
        `datei-steuerzeichen governance/dimensionen/1-infrastruktur.yaml:4:7 Der Wert enthält das unsichtbare Zeichen ${described}, als Escape-Sequenz geschrieben; bitte entfernen (erlaubt sind nur Tabulator und Zeilenumbruch).`,
      ]);
    });
  }

  it('an escape in a key is an error at the key; tab and newline escapes stay allowed', () => {
    const file = `${HEADER('dimension')}id: "1"\nname: "Netz\\tE\\nx"\nbeschreibung: x\n"a\\u200b": 1\n`;
    expect(lines(check({ 'governance/dimensionen/1-infrastruktur.yaml': file }))).toEqual([
      'datei-steuerzeichen governance/dimensionen/1-infrastruktur.yaml:6:1 Ein Schlüssel enthält das unsichtbare Zeichen U+200B (Breite-null-Leerzeichen), als Escape-Sequenz geschrieben; bitte entfernen (erlaubt sind nur Tabulator und Zeilenumbruch).',
    ]);
  });

  it('a soft hyphen, an Arabic letter mark or a tag character in the file is an error, counted', () => {
    const file = `${HEADER('dimension')}id: "1"\nname: Netz\u00ade\u061c\nbeschreibung: x\udb40\udc41\n`;
    expect(lines(check({ 'governance/dimensionen/1-infrastruktur.yaml': file }))).toEqual([
      'datei-steuerzeichen governance/dimensionen/1-infrastruktur.yaml:4:11 Die Datei enthält das unsichtbare Zeichen U+00AD (weiches Trennzeichen) (3 solche Zeichen in der Datei); bitte entfernen.',
    ]);
  });
});

describe('output cannot be forged through data', () => {
  function rootWith(name: string, content = 'x: 1\n'): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-hostile-'));
    dirs.push(root);
    fs.cpSync(BASE, root, { recursive: true });
    fs.writeFileSync(path.join(root, 'governance', 'ziele', name), content);
    return root;
  }
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

  it('a file name cannot print a fake verdict in the text report', () => {
    const root = rootWith('x\nErgebnis: in Ordnung (0 Fehler).txt');
    const { stdout, status } = run('check', '--root', root, '--today', TODAY);
    expect(status).toBe(1);
    expect(stdout.split('\n').filter((l) => l.startsWith('Ergebnis'))).toEqual(['Ergebnis: nicht in Ordnung (1 Fehler, 0 Warnungen, 0 anerkannte Ausnahmen).']);
    expect(stdout).toContain('governance/ziele/x\\nErgebnis: in Ordnung (0 Fehler).txt:1:1  Fehler  [datei-unbekannt]');
  });

  it('a file name or value cannot issue a GitHub workflow command', () => {
    const root = rootWith('a\n::add-mask::geheim.txt');
    const { stdout } = run('check', '--root', root, '--format', 'github', '--today', TODAY);
    const commands = stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error file=governance\/ziele\/a%0A%3A%3Aadd-mask%3A%3Ageheim\.txt,line=1,col=1,title=datei-unbekannt::/);
    expect(stdout.split('\n').filter((l) => l.includes('add-mask') && !l.startsWith('::error'))).toEqual([]);
  });

  it('the step summary escapes Markdown and HTML in file names and messages', () => {
    const result = check({ 'governance/ziele/<img src=x onerror=alert(1)>|x.txt': 'x: 1\n' });
    const summary = formatStepSummary(result);
    expect(summary).not.toMatch(/<img/);
    expect(summary).toContain('| governance/ziele/&lt;img src=x onerror=alert\\(1\\)&gt;\\|x.txt | 1:1 | datei-unbekannt |');
  });

  it('the organigram is well-formed XML whatever the names contain', async () => {
    const base = fs.readFileSync(path.join(BASE, 'governance/gremien/hvb-runde.yaml'), 'utf8');
    const hostile = base.replace('name: HVB-Runde', `name: "HVB <script>alert('&')</script> \\"Runde\\" ]]>"`);
    const gate = loadChecked(memorySourceOf(BASE, { 'governance/gremien/hvb-runde.yaml': hostile }), { validators, today: TODAY });
    if (!gate.ok) throw new Error('the hostile name should pass the check');
    const svg = await organigramSvg(buildOrgView(gate.model, TODAY));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('failures of the tool itself', () => {
  it('a rule that throws is an internal error finding for that rule; the other rules still run', () => {
    const broken = {
      id: 'kaputte-regel',
      severity: 'error' as const,
      category: 'empfehlung' as const,
      description: 'Wirft.',
      check: () => {
        throw new Error('absichtlich');
      },
    };
    const loaded = loadGovernance(
      memorySourceOf(BASE, { 'governance/ziele/1.2-kopie.yaml': fs.readFileSync(path.join(BASE, 'governance/ziele/1.2-synergien.yaml'), 'utf8') }),
      validators,
    );
    const result = runChecks(loaded, { today: TODAY, rules: [broken, idsEindeutig] });
    expect(result.internalErrors).toBe(1);
    expect(result.ok).toBe(false);
    expect(lines(result).filter((l) => l.startsWith('kaputte-regel'))).toEqual([
      'kaputte-regel governance/verbund.yaml:2:1 Interner Fehler der Regel „kaputte-regel“: absichtlich. Die Regel wurde nicht vollständig geprüft; bitte melden.',
    ]);
    expect(result.findings.filter((f) => f.rule === 'ids-eindeutig')).toHaveLength(2);
  });

  it('no exception can waive the internal error of a rule, and the gate refuses the model', () => {
    const broken = {
      id: 'funktionsadresse',
      severity: 'warning' as const,
      category: 'empfehlung' as const,
      description: 'Wirft.',
      check: () => {
        throw new Error('absichtlich');
      },
    };
    const waiver = `# yaml-language-server: $schema=../../schemas/governance/ausnahmen.schema.json\napiVersion: verbund/v1\nausnahmen:\n  - regel: funktionsadresse\n    gegenstand: intern:funktionsadresse\n    pfad: ""\n    begruendung: x\n    grundlage: { entscheidung: x, datum: 2025-01-01 }\n`;
    const loaded = loadGovernance(memorySourceOf(BASE, { 'governance/ausnahmen/ausnahmen.yaml': waiver }), validators);
    const result = runChecks(loaded, { today: TODAY, rules: [broken] });
    expect(result.acknowledged).toEqual([]);
    expect(result.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning ausnahme-ohne-befund', 'error funktionsadresse']);
    expect(loadChecked(memorySourceOf(BASE), { validators, today: TODAY, rules: [broken] }).ok).toBe(false);
  });

  it('integrity rules run even when a library caller asks to skip them', () => {
    const dangling = fs.readFileSync(path.join(BASE, 'governance/ziele/1.2-synergien.yaml'), 'utf8').replace('dimension: "1"', 'dimension: "9"');
    const gate = loadChecked(memorySourceOf(BASE, { 'governance/ziele/1.2-synergien.yaml': dangling }), {
      validators,
      today: TODAY,
      skip: ['referenz-aufloesbar', 'ziel-id-passt-zur-dimension'],
    });
    expect(gate.ok).toBe(false);
    expect(gate.result.findings.map((f) => f.rule)).toEqual(['referenz-aufloesbar', 'ziel-id-passt-zur-dimension']);
  });

  it('writing to a full disk ends with a German message and exit 2, no stack trace', () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'check', '--root', BASE, '--today', TODAY], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('verbund: Die Ausgabe kann nicht geschrieben werden (ENOSPC); ist der Datenträger voll?\n');
    } finally {
      fs.closeSync(full);
    }
  });

  it('--root "" is a usage error', () => {
    const run = spawnSync(process.execPath, [BIN, 'check', '--root', ''], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('verbund: --root braucht einen Ordner; leer ist nicht erlaubt.');
  });
});
