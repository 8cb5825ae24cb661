// The benchmark's generated Verbund must be valid data shaped like its templates, or
// `npm run bench` measures error paths or data nobody has. Templates here are the example
// Verbund (well kept: logins, delegations, no open values) and a fixture with open values and
// a member without delegations – never the shipped data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from './fixture-cases';
import { temporaryRoots, verbund } from './support/cli';
import { generate, type GenerateResult, type KindShares, measureShares, openValuesRoot, type Shares, templatesOf } from './support/synthetic';

const TODAY = '2026-11-21';
const roots = temporaryRoots();

interface Report {
  ok: boolean;
  summary: Record<string, number>;
  findings: { severity: string; rule: string; file: string; message: string }[];
  acknowledged: { rule: string; file: string }[];
}

function target(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-synth-'));
  roots.push(root);
  return root;
}

const check = (root: string): Report => JSON.parse(verbund('check', '--root', root, '--format', 'json', '--today', TODAY).stdout) as Report;

/** Top-level keys of a YAML file, in order. */
const keys = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => /^[A-Za-z]\w*:/.test(l))
    .map((l) => l.split(':')[0]);

describe('a Verbund of 12 members cloned from the example Verbund', () => {
  const root = target();
  let result: GenerateResult;
  let report: Report;
  let template: Shares;
  let generated: Shares;

  beforeAll(() => {
    result = generate(12, root, { today: TODAY, ...templatesOf(EXAMPLE) });
    report = check(root);
    template = measureShares(EXAMPLE);
    generated = measureShares(root);
  });

  it('passes the check without a single finding, with proportionally many goals', () => {
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    // The example's exception for its dimension without goals holds in the clone too.
    expect(report.acknowledged.map((a) => `${a.rule} ${a.file}`)).toEqual(['dimension-mit-zielen governance/dimensionen/3-digitale-daseinsvorsorge.yaml']);
    expect(report.summary).toMatchObject({ members: 12, dimensions: 5, goals: 10, bodies: 7 });
    expect(result).toMatchObject({ members: 12, goals: 10, dimensions: 5, bodies: 7, delegatingMembers: 12 });
    expect([template.members.files, template.goals.files]).toEqual([6, 5]);
    expect([generated.members.files, generated.strategies.files, generated.goals.files]).toEqual([12, 12, 10]);
  });

  it('keeps every member’s own delegations, the expired ones included, with its logins made unique', () => {
    expect(template.members.delegations).toBe(13);
    expect(generated.members.delegations).toBe(26);
    const text = fs.readFileSync(path.join(root, 'governance', 'mitglieder', 'stadt-00012.yaml'), 'utf8');
    expect(text).toContain('  github: bm-musterstadt-00012\n');
    expect(text).toContain('  github: esr-musterstadt-00012\n');
    expect(text).toContain('  - von: bm-musterstadt-00012\n    an: esr-musterstadt-00012\n    umfang: Alle Freigaben während des Sommerurlaubs 2025\n');
    expect(text).toContain('digitalisierungskontakt: digitalisierung@musterstadt.example\n');
    // No finding above: hvb-login-eindeutig and delegation-gueltig found every clone sound.
  });

  it('keeps the shares of the templates: no open values, the same long texts per goal', () => {
    for (const kind of Object.values(template)) expect(kind.open).toBe(0);
    for (const kind of Object.values(generated)) expect(kind.open).toBe(0);
    expect(template.goals.longTexts).toBeGreaterThan(0);
    expect(generated.goals.longTexts).toBe(2 * template.goals.longTexts);
  });

  it('copies the top-level keys of every template goal and member', () => {
    const folder = (r: string, f: string) => path.join(r, 'governance', f);
    for (const name of fs.readdirSync(folder(EXAMPLE, 'ziele'))) {
      const [id, rest] = [name.split('-')[0]!, name.slice(name.indexOf('-'))];
      const [d, k] = id.split('.');
      expect(keys(path.join(folder(root, 'ziele'), `${Number(d) + 3}.${k}${rest}`)), name).toEqual(keys(path.join(folder(EXAMPLE, 'ziele'), name)));
    }
    expect(keys(path.join(folder(root, 'mitglieder'), 'landkreis-00004.yaml'))).toEqual(
      keys(path.join(folder(EXAMPLE, 'mitglieder'), 'landkreis-heideland.yaml')),
    );
  });
});

describe('a Verbund of 8 members cloned from a fixture with open values', () => {
  const root = target();
  let result: GenerateResult;
  let report: Report;
  let generated: Shares;
  let template: Shares;

  beforeAll(() => {
    const templates = openValuesRoot(roots);
    result = generate(8, root, { today: TODAY, ...templatesOf(templates) });
    report = check(root);
    template = measureShares(templates);
    generated = measureShares(root);
  });

  it('gives every clone exactly the open values of its template, each reported as a warning', () => {
    const openOf = (shares: KindShares) => Object.fromEntries(shares.perFile.map((f) => [path.basename(f.file), f.open]));
    expect(openOf(template.members)).toEqual({ 'gemeinde-a.yaml': 1, 'landkreis-muster.yaml': 0 });
    expect(openOf(template.goals)).toEqual({ '1.1-notfall.yaml': 0, '1.2-synergien.yaml': 1 });
    expect(openOf(generated.members)).toEqual(
      Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((i) => [`${i % 2 ? 'gemeinde' : 'landkreis'}-0000${i}.yaml`, i % 2])),
    );
    expect(Object.entries(openOf(generated.goals)).filter(([, open]) => open === 1).length).toBe(4);
    expect(report.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(Array(8).fill('warning offener-wert'));
    expect(report.ok).toBe(true);
  });

  it('gives the template member without delegations an approval chain, in force on the day of the check', () => {
    expect(result.delegatingMembers).toBe(8);
    const text = fs.readFileSync(path.join(root, 'governance', 'mitglieder', 'landkreis-00002.yaml'), 'utf8');
    expect(text).toContain('  github: lr-muster-00002\n');
    expect(text).toContain('  - von: lr-muster-00002\n    an: ekr-muster-00002\n');
    expect(text).toContain('  - von: ekr-muster-00002\n    an: cdo-landkreis-00002\n');
    const org = JSON.parse(verbund('org', '--root', root, '--format', 'json', '--today', TODAY).stdout) as { members: { id: string; approvers: string[] }[] };
    expect(org.members.find((m) => m.id === 'landkreis-00002')?.approvers).toEqual(['cdo-landkreis-00002', 'ekr-muster-00002', 'lr-muster-00002']);
    // The member with its own delegation keeps it (its logins contain its id and follow the clone's).
    expect(org.members.find((m) => m.id === 'gemeinde-00001')?.approvers).toEqual(['av-gemeinde-00001', 'bm-gemeinde-00001']);
  });
});
