// verbund approvals --snapshot: governance is read from the base commit in git, never from the
// pull request; the exit code says approved (0), not approved (1) or unreadable (2).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { EXAMPLE } from '../fixture-cases';
import { temporaryRoots, verbund } from '../support/cli';
import { AUTHOR, HVB, NOW, allHvb, review, snapshot } from './scenario';

const roots = temporaryRoots();
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'output', name), 'utf8'));
const validateDecision = ajv.compile(schema('approvals.schema.json'));
const validateSnapshot = ajv.compile(schema('approvals-snapshot.schema.json'));

function git(root: string, ...args: string[]): string {
  const run = spawnSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim();
}

/** A repository whose base commit is the example (changed by `atBase`), and a pull request commit on top of it. */
function repository(change: (root: string) => void, atBase: (root: string) => void = () => undefined): { root: string; base: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-approvals-'));
  roots.push(root);
  fs.cpSync(path.join(EXAMPLE, 'governance'), path.join(root, 'governance'), { recursive: true });
  fs.cpSync(path.join(EXAMPLE, 'policies'), path.join(root, 'policies'), { recursive: true });
  atBase(root);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'Basis');
  const base = git(root, 'rev-parse', 'HEAD');
  change(root);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', 'Pull Request');
  return { root, base };
}

function run(root: string, snap: object, ...args: string[]) {
  const file = path.join(root, '..', `${path.basename(root)}-snapshot.json`);
  roots.push(file);
  fs.writeFileSync(file, JSON.stringify(snap));
  return verbund('approvals', '--root', root, '--snapshot', file, '--now', NOW, ...args);
}

describe('verbund approvals --snapshot', () => {
  it('judges a pull request that loosens the rules and makes its author an HVB by the base commit’s rules', () => {
    const { root, base } = repository((dir) => {
      const rules = path.join(dir, 'policies', 'freigaberegeln.yaml');
      fs.writeFileSync(
        rules,
        fs.readFileSync(rules, 'utf8').replace('  anforderungen:\n    - art: alle-hvb\n', '  anforderungen:\n    - art: keine\n      begruendung: Nichts.\n'),
      );
      const member = path.join(dir, 'governance', 'mitglieder', 'stadt-musterstadt.yaml');
      fs.writeFileSync(
        member,
        fs.readFileSync(member, 'utf8').replace('github: bm-musterstadt\n  githubId: 1006', `github: ${AUTHOR.login}\n  githubId: ${AUTHOR.id}`),
      );
    });
    const files = ['policies/freigaberegeln.yaml', 'governance/mitglieder/stadt-musterstadt.yaml'];
    const onlyAuthor = snapshot(files, [review(AUTHOR)], { base: { sha: base } });
    const result = run(root, onlyAuthor, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const decision = JSON.parse(result.stdout);
    expect(validateSnapshot(onlyAuthor), JSON.stringify(validateSnapshot.errors)).toBe(true);
    expect(validateDecision(decision), JSON.stringify(validateDecision.errors)).toBe(true);
    expect(decision.ok).toBe(false);
    expect(decision.paths).toEqual([
      { path: 'policies/freigaberegeln.yaml', rules: ['regeln-und-ablaeufe'] },
      { path: 'governance/mitglieder/stadt-musterstadt.yaml', rules: ['eigene-dateien'], owner: 'stadt-musterstadt' },
    ]);
    expect(decision.basis.map((b: { path: string }) => b.path)).toContain('policies/freigaberegeln.yaml');
    expect(decision.basis.every((b: { sha256: string }) => /^[0-9a-f]{64}$/.test(b.sha256))).toBe(true);

    const ops = [review({ id: 3001, login: 'ops-anna' }), review({ id: 3002, login: 'ops-ben' })];
    const approved = run(root, snapshot(files, [...allHvb(), ...ops], { base: { sha: base } }));
    expect(approved.code).toBe(0);
    expect(approved.stdout.split('\n')[0]).toBe('HVB-Freigabe für musterverbund/governance#42 – freigegeben');
  });

  it('prints who is missing in German and exits 1', () => {
    const { root, base } = repository(() => undefined);
    const result = run(root, snapshot(['governance/mitglieder/stadt-musterstadt.yaml'], [review(HVB['gemeinde-eichwalde']!)], { base: { sha: base } }));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'HVB-Freigabe für musterverbund/governance#42 – nicht freigegeben',
        `Basis ${base.slice(0, 7)} · Kopf a1a1a1a (Baum b2b2b2b) · 1 geänderte Pfade`,
        '',
        'HVB von Stadt Musterstadt – Regel eigene-dateien, 1 Pfad(e): 0 von 1 nötig',
        '  fehlt: Stadt Musterstadt (bm-musterstadt, esr-musterstadt)',
        '',
      ].join('\n'),
    );
  });

  it('an error the approval rests on (a member file that does not load) approves nothing; an HVB whose term has ended locks nothing else', () => {
    const member = (root: string) => path.join(root, 'governance', 'mitglieder', 'flecken-lindenau.yaml');
    const broken = repository(
      () => undefined,
      (root) => fs.writeFileSync(member(root), fs.readFileSync(member(root), 'utf8').replace('githubId: 1001', 'githubId: eins')),
    );
    const blocked = run(broken.root, snapshot(['governance/leitlinie/leitlinie.yaml'], allHvb(), { base: { sha: broken.base } }));
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toBe('');
    expect(blocked.stderr).toMatch(
      /^verbund: Die Governance-Daten des Basis-Commits sind für die Freigabe nicht verlässlich \(1 Fehler in Freigaberegeln oder Identitäten, zuerst governance\/mitglieder\/flecken-lindenau\.yaml:\d+:\d+ \[schema\]\); nichts ist freigegeben/,
    );

    const ended = repository(
      () => undefined,
      (root) =>
        fs.writeFileSync(
          member(root),
          fs.readFileSync(member(root), 'utf8').replace('gueltig: { von: 2021-11-01 }', 'gueltig: { von: 2021-11-01, bis: 2026-10-31 }'),
        ),
    );
    const others = allHvb().filter((r) => r.user.login !== 'bm-lindenau');
    const decided = run(ended.root, snapshot(['governance/mitglieder/stadt-musterstadt.yaml'], others, { base: { sha: ended.base } }));
    expect(decided.stderr).toBe('');
    expect(decided.code).toBe(0);
    // The HVB out of office can no longer approve for the member.
    const lindenau = run(ended.root, snapshot(['governance/mitglieder/flecken-lindenau.yaml'], allHvb(), { base: { sha: ended.base } }));
    expect(lindenau.code).toBe(1);
  });

  it('--base-rev HEAD judges by the rules now on the base branch, not by the pull request’s older base commit', () => {
    const { root, base } = repository(() => undefined);
    // After the pull request was opened, main tightens the rule for a member's own files.
    const rules = path.join(root, 'policies', 'freigaberegeln.yaml');
    fs.writeFileSync(
      rules,
      fs
        .readFileSync(rules, 'utf8')
        .replace('      - art: hvb-des-mitglieds\n  - id: leitlinie', '      - art: hvb-des-mitglieds\n      - art: alle-hvb\n  - id: leitlinie'),
    );
    git(root, 'commit', '-q', '-am', 'Strengere Regel');
    const tip = git(root, 'rev-parse', 'HEAD');
    const snap = snapshot(['governance/mitglieder/stadt-musterstadt.yaml'], [review(HVB['stadt-musterstadt']!)], { base: { sha: base } });
    expect(run(root, snap).code).toBe(0);
    const current = run(root, snap, '--base-rev', 'HEAD', '--format', 'json');
    expect(current.code).toBe(1);
    expect(JSON.parse(current.stdout).base).toEqual({ sha: tip });
    expect(run(root, snap, '--base-rev', 'keinzweig').code).toBe(2);
  });

  it('a snapshot file that is missing or broken: exit 2 with the reason, without the usage text', () => {
    const { root } = repository(() => undefined);
    const missing = verbund('approvals', '--root', root, '--snapshot', path.join(root, 'fehlt.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`verbund: Die Momentaufnahme „${path.join(root, 'fehlt.json')}“ ist nicht lesbar: die Datei gibt es nicht.\n`);
    const file = path.join(root, 'kaputt.json');
    fs.writeFileSync(file, JSON.stringify({ repo: 'a/b' }));
    const broken = verbund('approvals', '--root', root, '--snapshot', file);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^verbund: Die Momentaufnahme „.*kaputt\.json“ passt nicht zum Schema \(\/ must have required property '[a-zA-Z]+'\)\.\n$/);
  });

  it('exits 2 when the base commit cannot be read, and never approves', () => {
    const { root } = repository(() => undefined);
    const result = run(root, snapshot(['README.md'], allHvb(), { base: { sha: '0'.repeat(40) } }));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^verbund: Der Basis-Commit 0{40} ist nicht lesbar \(.*\); nichts ist freigegeben\.\n$/);
  });
});
