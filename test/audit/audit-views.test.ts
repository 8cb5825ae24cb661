// verbund audit's views in every format on real git histories: the audit as JSON with the whole
// decision record, --as-of and --path as JSON (checked against their contracts) and HTML, the
// record's basis files compared one by one, and the options that do not go together.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { basisDigest } from '../../src/audit/trailers';
import { HVB } from '../approvals/scenario';
import { REPO, temporaryRoots, verbund } from '../support/cli';
import { baseCheckout } from '../support/git-repo';
import { git, MEMBER, mergePull } from '../support/merged-history';

const roots = temporaryRoots();
const hvb = HVB['stadt-musterstadt']!;
const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'output', name), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true }).addSchema(schema('audit.schema.json'));
const contract = (name: string) => ajv.getSchema(name) ?? ajv.compile(schema(name));

/** The example Verbund from 2026-09-07 (its last dated entry is of 2026-09-01), and pull request 1 renaming a member merged on 2026-10-02. */
function history(): { root: string; merged: string } {
  const { root } = baseCheckout(roots);
  git(root, ['commit', '-q', '--amend', '--no-edit', '--reset-author'], '2026-09-07T10:00:00+02:00');
  const merged = mergePull(root, {
    number: 1,
    line: '',
    edit: (text) => text.replace('name: Stadt Musterstadt', 'name: Stadt Musterstadt an der Aue'),
    approver: hvb,
    approvedAt: '2026-10-02T09:00:00Z',
    mergedAt: '2026-10-02T12:00:00+02:00',
  });
  return { root, merged };
}

describe('verbund audit views', () => {
  it('--format json carries the whole decision record and the data changes of each commit, as its contract says', () => {
    const { root, merged } = history();
    const run = verbund('audit', '--root', root, '--format', 'json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { ok: boolean; branchOk: boolean; commits: Record<string, unknown>[] };
    const validate = contract('audit.schema.json');
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.commits[0]).toMatchObject({ start: true, ok: true, findings: [] });
    const commit = out.commits[1]!;
    expect(commit).toMatchObject({
      sha: merged,
      pullRequest: 'musterverbund/governance#1',
      author: { id: 9000, login: 'referentin-digital' },
      base: out.commits[0]!.sha,
      rules: ['eigene-dateien'],
      approvers: [{ requirement: 'hvb:stadt-musterstadt', member: 'stadt-musterstadt', role: 'hvb', userId: 1006, login: 'bm-musterstadt', reviewId: 101 }],
      decidedAt: '2026-10-02T09:00:00Z',
      tool: 'verbund/test',
      ok: true,
      changes: ['Mitglied stadt-musterstadt: Name von „Stadt Musterstadt“ auf „Stadt Musterstadt an der Aue“'],
    });
    const basis = commit.basis as { path: string; sha256: string }[];
    expect(basis.map((b) => b.path)).toContain('policies/freigaberegeln.yaml');
    expect(basis).toHaveLength(13);
  });

  it('names the rule or identity file whose content the record gives otherwise than the base commit', () => {
    const { root } = baseCheckout(roots);
    const forged = (message: string) => {
      const files = [...message.matchAll(/^Verbund-Datei: ([0-9a-f]{64}) (\S+)$/gm)].map((m) => ({ sha256: m[1]!, path: m[2]! }));
      const other = files.map((f) => (f.path === 'policies/freigaberegeln.yaml' ? { ...f, sha256: 'a'.repeat(64) } : f));
      return message
        .replace(/ sha256=[0-9a-f]{64}/, ` sha256=${basisDigest(other)}`)
        .replace(/^Verbund-Datei: [0-9a-f]{64} policies\/freigaberegeln\.yaml$/m, `Verbund-Datei: ${'a'.repeat(64)} policies/freigaberegeln.yaml`);
    };
    mergePull(root, { number: 2, line: 'zwei', approver: hvb, approvedAt: '2026-03-02T09:00:00Z', mergedAt: '2026-03-02T10:00:00+01:00', tamper: forged });
    const out = JSON.parse(verbund('audit', '--root', root, '--format', 'json').stdout) as { commits: { findings: string[] }[] };
    expect(out.commits[1]!.findings).toEqual([
      expect.stringMatching(
        /^Die Regel- oder Identitätsdatei policies\/freigaberegeln\.yaml hat im Nachweis sha256 aaaaaaaaaaaa, im Basis-Commit [0-9a-f]{12}: der Nachweis beruft sich nicht auf die Regeln und Identitäten des Basis-Commits [0-9a-f]{12}\.$/,
      ),
    ]);
  });

  it('--as-of as JSON (its contract) and as a self-contained HTML page', () => {
    const { root, merged } = history();
    const run = verbund('audit', '--root', root, '--as-of', '2026-10-02', '--format', 'json');
    expect(run.code).toBe(0);
    const state = JSON.parse(run.stdout) as Record<string, unknown> & { mitglieder: { id: string; name: string; delegationen: unknown[] }[] };
    const validate = contract('audit-as-of.schema.json');
    expect(validate(state), JSON.stringify(validate.errors)).toBe(true);
    expect(state).toMatchObject({
      day: '2026-10-02',
      commit: { sha: merged, committed: '2026-10-02T12:00:00+02:00', pullRequest: 'musterverbund/governance#1' },
      errors: 0,
      leitlinie: { titel: 'Leitlinie Digitale Verwaltung Heideland', version: '1.1' },
    });
    const member = state.mitglieder.find((m) => m.id === 'stadt-musterstadt')!;
    expect(member.name).toBe('Stadt Musterstadt an der Aue');
    expect(member.delegationen).toEqual([
      {
        von: 'bm-musterstadt',
        an: 'esr-musterstadt',
        umfang: 'Alle Freigaben bei Abwesenheit der Bürgermeisterin',
        gueltig: { von: '2026-01-01', bis: '2027-12-31' },
      },
    ]);
    expect(JSON.parse(verbund('audit', '--root', root, '--as-of', '2026-10-01', '--format', 'json').stdout).mitglieder[5].name).toBe('Stadt Musterstadt');
    expect(JSON.parse(verbund('audit', '--root', root, '--as-of', '2026-09-06', '--format', 'json').stdout)).toEqual({ day: '2026-09-06', commit: null });
    expect(member).toMatchObject({ hvb: { name: 'Katrin Muster', github: 'bm-musterstadt', gueltig: { von: '2021-11-01' }, imAmt: true } });
    // A term that has ended is said, not shown as if the person were in office.
    const file = path.join(root, MEMBER);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('gueltig: { von: 2021-11-01 }', 'gueltig: { von: 2021-11-01, bis: 2026-10-03 }'));
    git(root, ['commit', '-q', '-am', 'Amtszeit endet'], '2026-10-05T10:00:00+02:00');
    expect(verbund('audit', '--root', root, '--as-of', '2026-10-05').stdout).toContain(
      '  stadt-musterstadt (Stadt Musterstadt an der Aue): HVB nicht im Amt: Katrin Muster (bm-musterstadt), Amtszeit vom 2021-11-01 bis 2026-10-03; Vertretung Tobias Beispiel (esr-musterstadt)\n',
    );
    const report = path.join(root, 'stand.html');
    expect(verbund('audit', '--root', root, '--as-of', '2026-10-02', '--format', 'html', '--out', report)).toMatchObject({ code: 0, stdout: '' });
    const html = fs.readFileSync(report, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect([...html.matchAll(/<h([1-4])>/g)].map((m) => m[1])).toEqual(['1', '2', '2', '2', '2', '2']);
    expect(html).toContain(`<h1>Stand am 2026-10-02: Commit ${merged.slice(0, 12)} vom 2026-10-02, laut Nachweis musterverbund/governance#1</h1>`);
    expect(html).toContain(
      '<tr><td>stadt-musterstadt (Stadt Musterstadt an der Aue)</td><td>Katrin Muster (bm-musterstadt)</td><td>Tobias Beispiel (esr-musterstadt)</td><td>Delegation bm-musterstadt → esr-musterstadt (Alle Freigaben bei Abwesenheit der Bürgermeisterin), gültig vom 2026-01-01 bis 2027-12-31</td></tr>',
    );
  });

  it('--path as JSON (its contract) and HTML, for a period; the path is taken as the repository names it', () => {
    const { root, merged } = history();
    fs.appendFileSync(path.join(root, MEMBER), '# direkt\n');
    git(root, ['commit', '-q', '-am', 'Direkt gepusht'], '2026-11-01T10:00:00+01:00');
    const run = verbund('audit', '--root', root, '--path', `./${MEMBER}`, '--format', 'json', '--from', '2026-10-01', '--to', '2026-10-31');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { path: string; history: Record<string, unknown>[] };
    const validate = contract('audit-path.schema.json');
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.path).toBe(MEMBER);
    expect(out.history).toHaveLength(1);
    expect(out.history[0]).toMatchObject({
      sha: merged,
      path: MEMBER,
      pullRequest: 'musterverbund/governance#1',
      ok: true,
      changes: ['Mitglied stadt-musterstadt: Name von „Stadt Musterstadt“ auf „Stadt Musterstadt an der Aue“'],
    });
    const whole = verbund('audit', '--root', root, '--path', MEMBER, '--format', 'html');
    expect(whole.code).toBe(1); // the direct push is shown, and lacks evidence
    const html = whole.stdout;
    expect([...html.matchAll(/<h([1-4])>/g)].map((m) => m[1])).toEqual(['1', '2', '2', '2']);
    expect(html).toContain('<p>musterverbund/governance#1, freigegeben von bm-musterstadt (stadt-musterstadt, hvb); Regeln eigene-dateien</p>');
    expect(html).toContain('<p>NICHT BELEGT: Kein Nachweis einer Freigabe im Commit (direkt gepusht oder ohne verbund merge gemergt).</p>');
    expect(verbund('audit', '--root', root, '--path', 'governance/mitglieder/gibt-es-nicht.yaml')).toMatchObject({
      code: 2,
      stderr:
        'verbund: governance/mitglieder/gibt-es-nicht.yaml kommt in der Historie von „HEAD“ nicht vor (Pfad relativ zum Repository, Groß- und Kleinschreibung beachten).\n',
    });
    for (const bad of ['', '.', '../governance/verbund.yaml', '/etc/passwd']) {
      expect(verbund('audit', '--root', root, `--path=${bad}`)).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--path erwartet den Pfad einer Datei im Repository'),
      });
    }
  });

  it('refuses options that do not go together, before reading anything', () => {
    const { root } = baseCheckout(roots);
    expect(verbund('audit', '--root', root, '--out=')).toMatchObject({ code: 2, stdout: '', stderr: 'verbund: --out braucht den Namen einer Datei.\n' });
    expect(verbund('audit', '--root', root, '--as-of', '2026-03-01', '--from', '2026-01-01').stderr).toContain(
      '--as-of zeigt den Stand eines Tages; --from lässt sich damit nicht verbinden.',
    );
    expect(verbund('audit', '--root', root, '--path', MEMBER, '--repo', 'a/b').stderr).toContain(
      '--repo gleicht die Freigaben mit GitHub ab und gilt nur für die Prüfung (ohne --as-of und --path).',
    );
  });
});
