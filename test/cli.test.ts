// The CLI contract of DESIGN.md, exercised through the real entry point bin/verbund.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/check/rules';
import { grundlageOf, grundlageSentence } from '../src/check/rule';
import { STAGE_RULES } from '../src/check/stage-rules';
import { BIN, brokenRoot, temporaryRoots, verbund } from './support/cli';
import { openValuesRoot } from './support/synthetic';
import { BASE, EXAMPLE } from './fixture-cases';

const roots = temporaryRoots();
const TODAY = '2026-11-21';

describe('verbund check', () => {
  it('exits 0 on the example Verbund and prints the German overview', () => {
    const { code, stdout } = verbund('check', '--root', EXAMPLE, '--today', TODAY);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Musterverbund im Landkreis Heideland – Prüfung von 59 Governance-Dateien');
    expect(stdout).toMatch(/^ {2}Ziele: {8}5$/m);
    expect(stdout).toContain('  Meilensteine: 16 (6 erreicht, 4 inArbeit, 5 offen, 1 verworfen)\n');
    expect(stdout).toContain('Anerkannte Ausnahmen:\ngovernance/dimensionen/3-digitale-daseinsvorsorge.yaml:4:5  Hinweis  [dimension-mit-zielen]');
    expect(stdout).toContain('Ergebnis: in Ordnung (0 Fehler, 0 Warnungen, 1 anerkannte Ausnahme).');
  });

  it('reports zero findings on the example Verbund, today and on the day of the tests', () => {
    for (const today of [[], ['--today', TODAY]]) {
      const { code, stdout } = verbund('check', '--root', EXAMPLE, '--format', 'json', ...today);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({
        ok: true,
        files: 59,
        summary: { members: 6, dimensions: 3, goals: 5, milestones: 16, bodies: 5, openValues: 0 },
        totals: { errors: 0, warnings: 0 },
        findings: [],
        acknowledged: [{ rule: 'dimension-mit-zielen', file: 'governance/dimensionen/3-digitale-daseinsvorsorge.yaml', line: 4, column: 5 }],
      });
    }
  });

  it('--format json follows the contract', () => {
    const { code, stdout } = verbund('check', '--root', BASE, '--format', 'json', '--today', '2026-11-21');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      ok: true,
      files: 14,
      summary: { members: 2, dimensions: 1, goals: 2, milestones: 3, bodies: 2 },
      findings: [],
      acknowledged: [],
    });
  });

  it('exits 1 with findings at file, line and column when data is wrong', () => {
    const { code, stdout } = verbund('check', '--root', brokenRoot(roots), '--format', 'json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.ok).toBe(false);
    expect(Object.keys(json.findings[0]).sort()).toEqual(['column', 'file', 'key', 'line', 'message', 'rule', 'severity']);
    expect(json.findings).toContainEqual({
      severity: 'error',
      rule: 'schema',
      file: 'governance/ziele/1.2-synergien.yaml',
      line: 12,
      column: 13,
      message: 'Bei „meilensteine › Eintrag 1 › status“: „fertig“ ist nicht erlaubt. Erlaubt sind: „offen“, „inArbeit“, „erreicht“, „verworfen“, „unbekannt“.',
      key: { rule: 'schema', subject: 'datei:governance/ziele/1.2-synergien.yaml', path: '/meilensteine/0/status' },
    });
  });

  it('text format names file:line:column and the rule', () => {
    const { code, stdout } = verbund('check', '--root', brokenRoot(roots));
    expect(code).toBe(1);
    expect(stdout).toContain('governance/ziele/1.2-synergien.yaml:12:13  Fehler  [schema] Bei „meilensteine › Eintrag 1 › status“');
    expect(stdout).toContain('Ergebnis: nicht in Ordnung');
  });

  it('--format github prints workflow commands, errors first, exceptions as notices', () => {
    const broken = verbund('check', '--root', brokenRoot(roots), '--format', 'github');
    expect(broken.stdout.split('\n')[0]).toMatch(/^::error file=governance\/ziele\/1\.1-notfall\.yaml,line=12,col=17,title=schema::Bei /);
    const example = verbund('check', '--root', EXAMPLE, '--format', 'github', '--today', TODAY);
    expect(example.code).toBe(0);
    expect(example.stdout.split('\n')[0]).toMatch(
      /^::notice file=governance\/dimensionen\/3-digitale-daseinsvorsorge\.yaml,line=4,col=5,title=dimension-mit-zielen::Anerkannte Ausnahme: Zur Dimension „3“/,
    );
    const open = verbund('check', '--root', openValuesRoot(roots), '--format', 'github', '--today', TODAY);
    expect(open.code).toBe(0);
    expect(open.stdout.split('\n').slice(0, 2)).toEqual([
      '::warning file=governance/mitglieder/gemeinde-a.yaml,line=10,col=5,title=offener-wert::Offener Wert bei „einwohner › stand“: Kein Stichtag bekannt.',
      '::warning file=governance/ziele/1.2-synergien.yaml,line=24,col=3,title=offener-wert::Offener Wert bei „prioritaet“: Nur grafisch in einer Abbildung der Leitlinie.',
    ]);
  });

  it('--format github fills the step summary on GitHub Actions', () => {
    const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-summary-')), 'summary.md');
    const run = spawnSync(process.execPath, [BIN, 'check', '--root', brokenRoot(roots), '--format', 'github'], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.status).toBe(1);
    const markdown = fs.readFileSync(summary, 'utf8');
    expect(markdown).toContain('## Prüfung der Governance-Daten: ❌ nicht in Ordnung');
    expect(markdown).toContain('| governance/ziele/1.2-synergien.yaml | 12:13 | schema | Bei „meilensteine › Eintrag 1 › status“');
  });

  it('--skip leaves a rule out and an exception for it is not reported as stale', () => {
    const { code, stdout } = verbund('check', '--root', EXAMPLE, '--skip', 'dimension-mit-zielen', '--format', 'json', '--today', TODAY);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.acknowledged).toEqual([]);
    expect(json.findings).toEqual([]);
  });

  it('--rules lists every rule with its category and Grundlage, in the words of the Verbund where it has them', () => {
    const { code, stdout } = verbund('check', '--rules', '--root', EXAMPLE);
    expect(code).toBe(0);
    const rows = new Map(
      stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => [line.split(' ')[0]!, line] as const),
    );
    expect([...rows.keys()]).toEqual([...STAGE_RULES, ...RULES].map((r) => r.id));
    // Stage rules (files, YAML, schema) guard integrity: always in force, never waived.
    for (const rule of STAGE_RULES) expect(rows.get(rule.id)).toMatch(new RegExp(`^${rule.id} +Integrität +(Fehler|Warnung) +fest +nie `));
    // The example raises two recommendations to errors in its policies/pruefregeln.yaml, and
    // cites its own Leitlinie as the Grundlage of the rules from the Leitlinie.
    const grundlagen = {
      'fokus-hoechster-wert-einmal': 'Leitlinie des Musterverbunds, Abschnitt 3 Wirkung: „Der höchste Wert wird je Ziel nur einmal vergeben“',
      'strategie-je-mitglied':
        'Leitlinie des Musterverbunds, Abschnitt 6 Kommunale Strategien: „Jedes Mitglied leitet aus dieser Leitlinie eine eigene Digitalisierungsstrategie ab“',
    };
    const raised = new Set(['digitallotse-je-fachdienst', 'schluesselrolle-vertretung']);
    const here = { integritaet: () => 'fest', leitlinie: () => 'fest', empfehlung: (id: string, standard: string) => (raised.has(id) ? 'Fehler' : standard) };
    for (const rule of RULES) {
      const standard = rule.severity === 'error' ? 'Fehler' : 'Warnung';
      const waivable = rule.category === 'integritaet' ? 'nie' : 'möglich';
      const row = rows.get(rule.id)!;
      const category = { integritaet: 'Integrität', leitlinie: 'Leitlinie', empfehlung: 'Empfehlung' }[rule.category];
      expect(row.split(/ +/).slice(0, 5), rule.id).toEqual([rule.id, category, standard, here[rule.category](rule.id, standard), waivable]);
      expect(row.endsWith(` ${rule.description} ${grundlageSentence(grundlageOf(rule, grundlagen))}`), row).toBe(true);
    }
    expect(RULES.filter((r) => r.category === 'leitlinie').map((r) => r.id)).toEqual(Object.keys(grundlagen));
  });
});

describe('--rev reads a commit instead of the working tree', () => {
  function repository(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-cli-git-'));
    roots.push(root);
    fs.cpSync(BASE, root, { recursive: true });
    const git = (...args: string[]) =>
      spawnSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' },
      });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Basis');
    fs.rmSync(path.join(root, 'governance'), { recursive: true });
    return root;
  }

  it('check and org read the commit, even with governance/ deleted from the working tree', () => {
    const root = repository();
    const check = verbund('check', '--root', root, '--rev', 'main', '--format', 'json', '--today', '2026-11-21');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, files: 14, findings: [] });
    const org = verbund('org', '--root', root, '--rev', 'HEAD', '--format', 'json', '--today', '2026-11-21');
    expect(org.code).toBe(0);
    expect(JSON.parse(org.stdout).topBody).toBe('hvb-runde');
  });

  it('an unknown revision is a usage error with a German message', () => {
    const root = repository();
    const { code, stderr } = verbund('check', '--root', root, '--rev', 'gibt-es-nicht');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`verbund: --rev: Die Revision „gibt-es-nicht“ gibt es in ${root} nicht (oder es ist kein Git-Repository).`);
  });
});

describe('verbund org', () => {
  it('prints members, bodies and coverage as text, and counts bodies in check', () => {
    const { code, stdout } = verbund('org', '--root', EXAMPLE, '--today', TODAY);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Musterverbund im Landkreis Heideland – Organisation am 2026-11-21');
    expect(stdout).toContain('Gremien (5) – jede Eskalation endet bei: HVB-Runde');
    expect(stdout).toContain('    Eskalation:         AG Onlinedienste → IKZ Digitalisierung → Lenkungskreis Digitalisierung → HVB-Runde\n');
    expect(stdout).toContain('    Entscheidungsregel: Zweidrittelmehrheit, Quorum 2/3\n');
    expect(stdout).toContain(
      '    Delegation:   lr-heideland → ekr-heideland, 2025-07-14 bis 2025-08-08: Alle Freigaben während des Sommerurlaubs 2025\n' +
        '    Delegation:   lr-heideland → ekr-heideland, 2026-01-01 bis 2027-12-31: Alle Freigaben bei Abwesenheit der Landrätin\n',
    );
    // Who may approve on the day: the expired delegation grants nothing, the passed-on one does.
    expect(stdout).toContain('    Freigabe:     cdo-heideland, ekr-heideland, lr-heideland\n');
    expect(JSON.parse(verbund('check', '--root', EXAMPLE, '--format', 'json', '--today', TODAY).stdout).summary.bodies).toBe(5);
  });

  it('--format json gives the structured view', () => {
    const json = JSON.parse(verbund('org', '--root', BASE, '--format', 'json').stdout);
    expect(json.members.map((m: { id: string }) => m.id)).toEqual(['gemeinde-a', 'landkreis-muster']);
    expect(json.topBody).toBe('hvb-runde');
  });

  it('--format svg writes the organigram to stdout', () => {
    const { code, stdout } = verbund('org', '--root', EXAMPLE, '--format', 'svg', '--today', TODAY);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
  });

  it('--format svg refuses an organigram too large to draw: exit 2, a German message, no internal error', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-gross-'));
    roots.push(root);
    fs.cpSync(BASE, root, { recursive: true });
    const template = fs.readFileSync(path.join(BASE, 'governance', 'gremien', 'ikz-digitalisierung.yaml'), 'utf8');
    for (let i = 0; i < 600; i++) {
      const next = i === 599 ? 'ikz-digitalisierung' : `ag-${i + 1}`;
      const text = template
        .replace(/^id: .*$/m, `id: ag-${i}`)
        .replace(/^name: .*$/m, `name: AG ${i}`)
        .replace(/^vorlageAn: .*$/m, `vorlageAn: [${next}]`);
      fs.writeFileSync(path.join(root, 'governance', 'gremien', `ag-${i}.yaml`), text);
    }
    expect(verbund('check', '--root', root, '--format', 'json', '--today', '2026-11-21').code).toBe(0);
    const { code, stdout, stderr } = verbund('org', '--root', root, '--format', 'svg', '--today', '2026-11-21');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^verbund: Das Organigramm ist zu groß zum Zeichnen: /);
    expect(stderr).not.toContain('Interner Fehler');
  });

  it('refuses data with errors: exit 1, the errors on stderr, nothing on stdout', () => {
    const { code, stdout, stderr } = verbund('org', '--root', brokenRoot(roots));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Die Governance-Daten haben \d+ Fehler/);
    expect(stderr).toContain('governance/ziele/1.2-synergien.yaml:12:13  [schema]');
  });
});

describe('usage errors exit 2 with a German message and no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown option', ['check', '--formt', 'json'], /Unbekannte Option „--formt“/],
    ['unknown format', ['check', '--format', 'xml'], /Unbekanntes Format „xml“/],
    ['unknown rule', ['check', '--skip', 'gibt-es-nicht'], /Unbekannte Regel „gibt-es-nicht“/],
    [
      'skipping an integrity rule',
      ['check', '--skip', 'referenz-aufloesbar'],
      /„referenz-aufloesbar“ sichert die Integrität der Daten und kann nicht ausgelassen werden/,
    ],
    ['missing root', ['check', '--root', '/gibt/es/nicht'], /existiert nicht/],
    ['root without governance/', ['check', '--root', __dirname], /kein Ordner governance\//],
    ['unknown command', ['zaubern'], /Unbekannter Befehl „zaubern“/],
    ['option without value', ['check', '--format'], /braucht einen Wert/],
    ['no command', [], /Bitte einen Befehl angeben/],
    ['unknown org format', ['org', '--format', 'png'], /Unbekanntes Format „png“/],
    ['impossible date', ['check', '--today', '2026-02-30'], /gültiges Datum/],
    ['impossible month', ['check', '--today', '2026-13-01'], /gültiges Datum/],
    ['a file as root', ['check', '--root', __filename], /ist kein Ordner/],
    ['a value that looks like an option', ['check', '--rev', '-x'], /Der Wert von „--rev“ beginnt mit „-“; bitte als --rev=WERT schreiben/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const { code, stdout, stderr } = verbund(...args);
      expect(code).toBe(2);
      expect(stderr + stdout).toMatch(message);
      expect(stderr).not.toMatch(/^\s+at /m);
    });
  }

  it('a full disk for the GitHub step summary ends with a German message and exit 2', () => {
    const run = spawnSync(process.execPath, [BIN, 'check', '--root', EXAMPLE, '--format', 'github'], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_STEP_SUMMARY: '/dev/full' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('verbund: Die Zusammenfassung für GitHub (/dev/full) kann nicht geschrieben werden (ENOSPC); ist der Datenträger voll?\n');
  });

  it('--help exits 0', () => {
    expect(verbund('check', '--help').code).toBe(0);
  });
});
