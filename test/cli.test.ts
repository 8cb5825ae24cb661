// The CLI contract of DESIGN.md, exercised through the real entry point bin/verbund.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, brokenRoot, temporaryRoots, verbund } from './support/cli';
import { BASE } from './fixture-cases';

const roots = temporaryRoots();

describe('verbund check', () => {
  it('exits 0 on the shipped data and prints the German overview', () => {
    const { code, stdout } = verbund('check');
    expect(code).toBe(0);
    expect(stdout).toContain('Verbund im Landkreis Osterholz');
    expect(stdout).toMatch(/Ziele:\s+15/);
    expect(stdout).toMatch(/Meilensteine: 50 \(2 erreicht, 48 unbekannt\)/);
    expect(stdout).toContain('Anerkannte Ausnahmen:');
    expect(stdout).toContain('Ergebnis: in Ordnung');
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
    const shipped = verbund('check', '--format', 'github');
    expect(shipped.code).toBe(0);
    expect(shipped.stdout).toMatch(
      /^::notice file=governance\/ziele\/1\.1-informationssicherheit-und-netze\.yaml,line=\d+,col=\d+,title=fokus-hoechster-wert-einmal::Anerkannte Ausnahme: /m,
    );
    expect(shipped.stdout).toMatch(/^::warning file=.*title=offener-wert::Offener Wert/m);
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
    const { code, stdout } = verbund('check', '--skip', 'fokus-hoechster-wert-einmal', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.acknowledged).toEqual([]);
    expect(json.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('--rules lists every rule with its id', () => {
    const { code, stdout } = verbund('check', '--rules');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^fokus-hoechster-wert-einmal\s+Fehler/m);
    expect(stdout).toMatch(/^offener-wert\s+Warnung/m);
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
    const { code, stdout } = verbund('org');
    expect(code).toBe(0);
    expect(stdout).toContain('Gremien (6) – jede Eskalation endet bei: HVB-Runde');
    expect(stdout).toContain('    Eskalation:         IKZ Digitalisierung → IKZ Steuerungsgruppe → HVB-Runde');
    expect(JSON.parse(verbund('check', '--format', 'json').stdout).summary.bodies).toBe(6);
  });

  it('--format json gives the structured view', () => {
    const json = JSON.parse(verbund('org', '--root', BASE, '--format', 'json').stdout);
    expect(json.members.map((m: { id: string }) => m.id)).toEqual(['gemeinde-a', 'landkreis-muster']);
    expect(json.topBody).toBe('hvb-runde');
  });

  it('--format svg writes the organigram to stdout', () => {
    const { code, stdout } = verbund('org', '--format', 'svg');
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
    const run = spawnSync(process.execPath, [BIN, 'check', '--format', 'github'], {
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
