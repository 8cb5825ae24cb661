// verbund audit on real git histories built in temporary folders: pull requests merged with the
// decision record as trailers (as verbund merge writes them), dates set through
// GIT_COMMITTER_DATE, and the ways a change can reach main without valid evidence.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { DEPUTY, HVB } from '../approvals/scenario';
import { REPO, temporaryRoots, verbund } from '../support/cli';
import { baseCheckout } from '../support/git-repo';
import { git, MEMBER, mergePull } from '../support/merged-history';

const roots = temporaryRoots();

const hvb = HVB['stadt-musterstadt']!;
const deputy = DEPUTY['stadt-musterstadt']!;

describe('verbund audit', () => {
  it('accepts merges and a squash merge that carry valid evidence, and names who approved under which rule', () => {
    const { root } = baseCheckout(roots);
    const first = mergePull(root, { number: 1, line: 'eins', approver: hvb, approvedAt: '2026-03-02T09:00:00Z', mergedAt: '2026-03-02T10:00:00+01:00' });
    mergePull(root, { number: 2, line: 'zwei', approver: deputy, approvedAt: '2026-03-03T09:00:00Z', mergedAt: '2026-03-03T12:00:00+01:00', squash: true });
    // A revert is a change like any other: directly pushed, it has no evidence.
    git(root, ['revert', '--no-edit', 'HEAD'], '2026-03-04T10:00:00+01:00');
    const reverted = verbund('audit', '--root', root).stdout.split('\n');
    expect(reverted[3]).toMatch(/^2026-03-04 {2}[0-9a-f]{12} {2}kein Pull Request {2}NICHT BELEGT$/);
    git(root, ['reset', '-q', '--hard', 'HEAD~1']);
    const run = verbund('audit', '--root', root);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(
        /^\d{4}-\d{2}-\d{2} {2}[0-9a-f]{12} {2}Anfang der Historie: ohne Eltern-Commit, also ohne Regeln, nach denen er hätte freigegeben werden können; nicht geprüft\.$/,
      ),
      `2026-03-02  ${first.slice(0, 12)}  musterverbund/governance#1  belegt: Regeln eigene-dateien; freigegeben von bm-musterstadt (stadt-musterstadt)`,
      expect.stringMatching(
        /^2026-03-03 {2}[0-9a-f]{12} {2}musterverbund\/governance#2 {2}belegt: Regeln eigene-dateien; freigegeben von esr-musterstadt \(stadt-musterstadt\)$/,
      ),
      '',
      '2 Commits geprüft, 0 ohne gültigen Nachweis.',
      'Nur offline geprüft: die Reviews selbst wurden nicht bei GitHub abgeglichen (dafür --repo und GITHUB_TOKEN).',
      '',
    ]);
    expect(run.code).toBe(0);
  });

  it('names every change on main without valid evidence: a direct push, a forged approver, a push after the approval, a deputy’s review after the delegation ended', () => {
    const { root } = baseCheckout(roots);
    fs.appendFileSync(path.join(root, MEMBER), '# direkt\n');
    git(root, ['commit', '-q', '-am', 'Direkt gepusht'], '2026-04-01T10:00:00+02:00');
    const forged = (m: string) => m.replace(/id=1006 login=bm-musterstadt/, 'id=4711 login=irgendwer');
    mergePull(root, { number: 3, line: 'drei', approver: hvb, approvedAt: '2026-04-02T09:00:00Z', mergedAt: '2026-04-02T10:00:00+02:00', tamper: forged });
    mergePull(root, { number: 4, line: 'vier', approver: hvb, approvedAt: '2026-04-03T09:00:00Z', mergedAt: '2026-04-03T10:00:00+02:00', after: 'später' });
    // A deputy counts within a delegation valid on the day of the review (DESIGN): approved on its
    // last day, merged after it ended, the approval stands; a review dated after its end does not.
    mergePull(root, { number: 5, line: 'fünf', approver: deputy, approvedAt: '2027-12-31T09:00:00Z', mergedAt: '2028-01-02T10:00:00+01:00' });
    const late = (m: string) => m.replace('zeit=2027-12-31T09:00:00Z', 'zeit=2028-01-01T09:00:00Z');
    mergePull(root, { number: 6, line: 'sechs', approver: deputy, approvedAt: '2027-12-31T09:00:00Z', mergedAt: '2028-01-02T11:00:00+01:00', tamper: late });
    const run = verbund('audit', '--root', root, '--format', 'json');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as {
      ok: boolean;
      branchOk: boolean;
      commits: { start?: true; pullRequest?: string; ok: boolean; findings: string[] }[];
    };
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
      JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'output', 'audit.schema.json'), 'utf8')) as object,
    );
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.ok).toBe(false);
    expect(out.commits.map((c) => [c.pullRequest ?? (c.start ? 'Anfang' : 'direkt'), c.ok])).toEqual([
      ['Anfang', true],
      ['direkt', false],
      ['musterverbund/governance#3', false],
      ['musterverbund/governance#4', false],
      ['musterverbund/governance#5', true],
      ['musterverbund/governance#6', false],
    ]);
    expect(out.branchOk).toBe(false);
    expect(out.commits[1]!.findings).toEqual(['Kein Nachweis einer Freigabe im Commit (direkt gepusht oder ohne verbund merge gemergt).']);
    // The file's history shows the forged record as the audit judged it, never as an approval.
    const forgedLine = verbund('audit', '--root', root, '--path', MEMBER)
      .stdout.split('\n')
      .find((l) => l.startsWith('2026-04-02'));
    expect(forgedLine).toMatch(/^2026-04-02 {2}[0-9a-f]{12} {2}NICHT BELEGT: Anforderung „HVB von Stadt Musterstadt“/);
    // A period shows its commits; the exit code stays that of the whole branch.
    const period = verbund('audit', '--root', root, '--from', '2028-01-02', '--to', '2028-01-02');
    expect(period.code).toBe(1);
    expect(period.stdout).toContain('Auf dem ganzen Zweig: 5 Commits geprüft, 4 ohne gültigen Nachweis.\n');
    expect(verbund('audit', '--root', root, '--from', '2026-05-01', '--to', '2026-04-01').stderr).toContain('--from 2026-05-01 liegt nach --to 2026-04-01.');
    expect(verbund('audit', '--root', root, '--as-of', '2026-02-30').stderr).toContain('--as-of erwartet ein Datum JJJJ-MM-TT, nicht „2026-02-30“.');
    expect(out.commits[2]!.findings[0]).toBe(
      'Anforderung „HVB von Stadt Musterstadt“ (Regel eigene-dateien) ist nicht erfüllt: 0 von 1 gültigen Freigaben am 2026-04-02.',
    );
    expect(out.commits[3]!.findings[0]).toMatch(/^Der gemergte Stand \(Baum [0-9a-f]{12}\) ist nicht der freigegebene \(Baum [0-9a-f]{12}\)\.$/);
    expect(out.commits[5]!.findings[0]).toBe(
      'Anforderung „HVB von Stadt Musterstadt“ (Regel eigene-dateien) ist nicht erfüllt: 0 von 1 gültigen Freigaben am 2028-01-02.',
    );
  });

  it('--as-of prints what was in force at the end of a day: before and after a merged change of a delegation', () => {
    const { root } = baseCheckout(roots);
    git(root, ['commit', '-q', '--amend', '--no-edit', '--reset-author'], '2026-01-05T10:00:00+01:00');
    mergePull(root, {
      number: 7,
      line: '',
      edit: (text) => text.replace('gueltig: { von: 2026-01-01, bis: 2027-12-31 }', 'gueltig: { von: 2026-01-01, bis: 2026-06-30 }'),
      approver: hvb,
      approvedAt: '2026-03-02T09:00:00Z',
      mergedAt: '2026-03-02T10:00:00+01:00',
    });
    const delegation = (day: string) =>
      verbund('audit', '--root', root, '--as-of', day)
        .stdout.split('\n')
        .filter((l) => l.includes('esr-musterstadt (Alle Freigaben bei Abwesenheit'));
    expect(delegation('2026-03-01')).toEqual([
      '    Delegation bm-musterstadt → esr-musterstadt (Alle Freigaben bei Abwesenheit der Bürgermeisterin), gültig vom 2026-01-01 bis 2027-12-31',
    ]);
    expect(delegation('2026-03-02')).toEqual([
      '    Delegation bm-musterstadt → esr-musterstadt (Alle Freigaben bei Abwesenheit der Bürgermeisterin), gültig vom 2026-01-01 bis 2026-06-30',
    ]);
    expect(delegation('2026-07-01')).toEqual([]);
    const state = verbund('audit', '--root', root, '--as-of', '2026-03-02').stdout.split('\n');
    expect(state[0]).toMatch(/^Stand am 2026-03-02: Commit [0-9a-f]{12} vom 2026-03-02, laut Nachweis musterverbund\/governance#7$/);
    expect(state).toContain('Leitlinie: Leitlinie Digitale Verwaltung Heideland, Fassung 1.1');
    expect(state).toContain('  verbundumlage „Verbundumlage“ (Kreistag Heideland, Beschluss KT-2025/118 vom 2025-12-11)');
    expect(verbund('audit', '--root', root, '--as-of', '2026-01-04').stdout).toBe('Am 2026-01-04 gab es im Zweig noch keinen Stand.\n');
    expect(verbund('audit', '--root', root, '--as-of', '4.1.2026')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--as-of erwartet ein Datum JJJJ-MM-TT'),
    });
  });

  it('--path tells an artefact’s history as domain changes, each with date and commit (without evidence: says so), following a rename', () => {
    const { root } = baseCheckout(roots);
    git(root, ['commit', '-q', '--amend', '--no-edit', '--reset-author'], '2026-01-05T10:00:00+01:00');
    const old = 'governance/ziele/1.1-onlinedienste-aus-einer-hand.yaml';
    const renamed = 'governance/ziele/1.1-onlinedienste.yaml';
    git(root, ['mv', old, renamed]);
    git(root, ['commit', '-q', '-m', 'Kürzerer Dateiname'], '2026-02-01T10:00:00+01:00');
    const file = path.join(root, renamed);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(id: 1\.1-M2\n(?:.*\n)*?\s+status: )inArbeit/, '$1erreicht\n    erreichtAm: 2026-02-20'));
    git(root, ['commit', '-q', '-am', 'Meilenstein erreicht'], '2026-02-21T10:00:00+01:00');
    const run = verbund('audit', '--root', root, '--path', renamed);
    expect(run.code).toBe(1); // the rename and the milestone were pushed directly
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`Historie von ${renamed}`);
    expect(lines.filter((l) => l.startsWith('    '))).toEqual([
      '    Ziel 1.1 angelegt.',
      `    Datei umbenannt: ${old} → ${renamed}`,
      '    Ziel 1.1: Meilenstein 1.1-M2: Status von inArbeit auf erreicht (erreichtAm 2026-02-20)',
    ]);
    expect(lines.filter((l) => /^\d{4}-/.test(l)).map((l) => l.replace(/ {2}[0-9a-f]{12} {2}/, ' '))).toEqual([
      '2026-01-05 Anfang der Historie: ohne Eltern-Commit, also ohne Regeln, nach denen er hätte freigegeben werden können; nicht geprüft.',
      '2026-02-01 NICHT BELEGT: Kein Nachweis einer Freigabe im Commit (direkt gepusht oder ohne verbund merge gemergt).',
      '2026-02-21 NICHT BELEGT: Kein Nachweis einer Freigabe im Commit (direkt gepusht oder ohne verbund merge gemergt).',
    ]);
  });

  it('--format html --out: a self-contained report of a period, every change with its evidence and data changes, escaped', () => {
    const { root } = baseCheckout(roots);
    git(root, ['commit', '-q', '--amend', '--no-edit', '--reset-author'], '2026-01-05T10:00:00+01:00');
    mergePull(root, { number: 1, line: 'eins', approver: hvb, approvedAt: '2026-03-02T09:00:00Z', mergedAt: '2026-03-02T10:00:00+01:00' });
    mergePull(root, {
      number: 2,
      line: '',
      edit: (text) => text.replace('name: Stadt Musterstadt', 'name: "Stadt <script>alert(1)</script>"'),
      approver: hvb,
      approvedAt: '2026-04-02T09:00:00Z',
      mergedAt: '2026-04-02T10:00:00+02:00',
    });
    fs.appendFileSync(path.join(root, MEMBER), '# direkt\n');
    git(root, ['commit', '-q', '-am', 'Direkt gepusht'], '2026-05-01T10:00:00+02:00');
    const report = path.join(root, 'bericht.html');
    const run = verbund('audit', '--root', root, '--from', '2026-04-01', '--to', '2026-12-31', '--format', 'html', '--out', report);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: `verbund: Bericht nach ${report} geschrieben.\n` });
    const html = fs.readFileSync(report, 'utf8');
    // Self-contained: nothing is fetched when it is opened or printed.
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(html).toContain('<html lang="de">');
    expect([...html.matchAll(/<h([1-4])>/g)].map((m) => m[1])).toEqual(['1', '2', '2', '2', '3', '4', '4', '3', '4']);
    expect(html).toContain('<p><strong>2 Commits geprüft, 1 ohne gültigen Nachweis</strong>.</p>');
    expect(html).toContain('<p>Auf dem ganzen Zweig: 3 Commits geprüft, 1 ohne gültigen Nachweis.</p>');
    expect(html).toContain(`<li>${MEMBER}: keine fachliche Änderung (nur Kommentare, Reihenfolge oder Schreibweise).</li>`);
    expect(html).toContain('<caption>Änderungen ohne gültigen Nachweis</caption>');
    expect(html).toContain('<th scope="col">Befund</th>');
    expect(html).toContain('<td>Kein Nachweis einer Freigabe im Commit (direkt gepusht oder ohne verbund merge gemergt).</td>');
    expect(html).toContain('<li>Mitglied stadt-musterstadt: Name von „Stadt Musterstadt“ auf „Stadt &lt;script&gt;alert(1)&lt;/script&gt;“</li>');
    expect(html).toContain(
      '<td>bm-musterstadt (1006)</td><td>hvb</td><td>stadt-musterstadt</td><td>hvb:stadt-musterstadt</td><td>102</td><td>2026-04-02T09:00:00Z</td><td></td>',
    );
    expect(html).toMatch(
      /<li>Regeln und Identitäten: governance\/gremien\/ag-informationssicherheit\.yaml \(sha256 [0-9a-f]{12}\), .*policies\/freigaberegeln\.yaml \(sha256 [0-9a-f]{12}\)<\/li>/,
    );
    expect(html).not.toContain('#1 ');
  });

  it('a cost key changed without the resolution its rule demands is a finding, whoever approved', () => {
    const { root } = baseCheckout(roots);
    const file = 'governance/kostenschluessel/gleiche-teile.yaml';
    mergePull(root, { number: 8, line: 'acht', file, approver: hvb, approvedAt: '2026-03-02T09:00:00Z', mergedAt: '2026-03-02T10:00:00+01:00' });
    const out = JSON.parse(verbund('audit', '--root', root, '--format', 'json').stdout) as { commits: { findings: string[] }[] };
    expect(out.commits[1]!.findings).toContain(
      'Beschluss fehlt oder ist ungültig: Der Pull Request nennt keinen Beschluss; bitte in die Beschreibung eine Zeile „Beschluss: <Gremium>; <JJJJ-MM-TT>; <Nummer>“ (Gremium: HVB-Runde, Rat, Kreistag) schreiben.',
    );
  });
});
