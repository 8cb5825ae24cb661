// The benchmark's generated Verbund must be valid data shaped like the shipped files, or
// `npm run bench` measures error paths or data nobody has.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

interface KindShares {
  files: number;
  values: number;
  open: number;
  delegations: number;
  longTexts: number;
  perFile: { file: string; values: number; open: number; delegations: number }[];
}
type Shares = Record<'members' | 'goals' | 'bodies' | 'strategies' | 'dimensions', KindShares>;
interface Generator {
  generate: (n: number, dir: string, options?: { today?: string }) => { goals: number; delegatingMembers: number };
  measureShares: (root: string) => Shares;
}

const REPO = path.join(__dirname, '..');
const TODAY = '2026-11-21';
const { generate, measureShares } = require('../scripts/bench/generate.js') as Generator;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-synth-'));
let report: { ok: boolean; summary: Record<string, number>; findings: { severity: string; rule: string; file: string; message: string }[] };
let shipped: Shares;
let generated: Shares;

beforeAll(() => {
  generate(16, root, { today: TODAY });
  const run = spawnSync(process.execPath, [path.join(REPO, 'bin', 'verbund.js'), 'check', '--root', root, '--format', 'json', '--today', TODAY], {
    encoding: 'utf8',
  });
  report = JSON.parse(run.stdout);
  shipped = measureShares(REPO);
  generated = measureShares(root);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('generates a Verbund of N members without errors, with proportionally many goals', () => {
  expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.summary).toMatchObject({ members: 16, goals: 30 });
  expect(generated.members.files).toBe(16);
  expect(generated.strategies.files).toBe(16);
  expect(generated.goals.files).toBe(2 * shipped.goals.files);
});

it('keeps the open values of the shipped files, reported as warnings', () => {
  const warnings = report.findings.filter((f) => f.rule === 'offener-wert');
  const open = Object.values(generated).reduce((sum, k) => sum + k.open, 0);
  expect(warnings.length).toBeGreaterThan(0);
  // Every open value of the data folders is reported (the copied single files add theirs).
  expect(warnings.length).toBeGreaterThanOrEqual(open);
});

it.each(['members', 'goals'] as const)('gives every %s file the shipped share of open values, ±20 %%', (kind) => {
  const perFile = shipped[kind].open / shipped[kind].files;
  for (const file of generated[kind].perFile) {
    expect(file.open, file.file).toBeGreaterThanOrEqual(0.8 * perFile);
    expect(file.open, file.file).toBeLessThanOrEqual(1.2 * perFile);
  }
  const share = shipped[kind].open / shipped[kind].values;
  expect(generated[kind].open / generated[kind].values).toBeGreaterThanOrEqual(0.8 * share);
  expect(generated[kind].open / generated[kind].values).toBeLessThanOrEqual(1.2 * share);
});

it('keeps the long texts of the shipped goals', () => {
  expect(generated.goals.longTexts / generated.goals.files).toBeCloseTo(shipped.goals.longTexts / shipped.goals.files, 5);
});

it('gives some members sound delegations from their HVB, in force on the day of the check', () => {
  const delegating = generated.members.perFile.filter((f) => f.delegations > 0);
  expect(delegating.length).toBe(2);
  const text = fs.readFileSync(path.join(root, delegating[0]!.file), 'utf8');
  const id = path.basename(delegating[0]!.file, '.yaml');
  expect(text).toContain(`github: hvb-${id}`);
  expect(text).toContain(`- von: hvb-${id}`);
  // 0 errors above: delegation-gueltig found them sound and not expired.
  expect(report.findings.filter((f) => f.rule === 'delegation-gueltig')).toEqual([]);
});

it('copies the top-level keys of every template', () => {
  const keys = (file: string) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^[A-Za-z]\w*:/.test(l))
      .map((l) => l.split(':')[0]);
  const template = keys(path.join(REPO, 'governance', 'ziele', fs.readdirSync(path.join(REPO, 'governance', 'ziele')).sort()[0]!));
  const clone = keys(path.join(root, 'governance', 'ziele', fs.readdirSync(path.join(root, 'governance', 'ziele')).sort()[0]!));
  expect(clone).toEqual(template);
});
