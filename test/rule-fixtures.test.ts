// Every rule has a valid and an invalid fixture with the exact findings expected (rule, file,
// line, column, severity and the German message word for word), checked in both directions:
// an unexpected finding fails, a missing expected one fails, and so does a changed message.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGovernance } from '../src/pipeline';
import { RULES } from '../src/check/rules';
import { STAGE_RULES } from '../src/check/stage-rules';
import { compileValidators } from '../src/schema/compile';
import { BASE, caseOptions, listRuleCases, materialize, readExpected } from './fixture-cases';

const validators = compileValidators(path.join(__dirname, '..', 'schemas', 'governance'));
const TODAY = '2026-11-21';
/** Rules whose fixtures a test generates instead of checking in a file of 1 MiB (see the test named). */
const GENERATED = new Map([
  ['datei-zu-gross', 'src/load/read-yaml.test.ts'],
  ['datei-unlesbar', 'src/load/read-yaml.test.ts (an injected file source that fails)'],
]);
const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

type Shown = { rule: string; file: string; line: number; column: number; severity?: string; message: string };

/** Exactly the fields a case asserts (rule, place, severity, German message), in the order of every output. */
const shown = (list: readonly Shown[], withSeverity = true): Shown[] =>
  list
    .map(({ rule, file, line, column, severity, message }) => ({ rule, file, line, column, ...(withSeverity ? { severity } : {}), message }))
    .sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.rule, b.rule) || compare(a.message, b.message));
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

describe('rule fixtures', () => {
  it('the base fixture is clean', () => {
    const result = checkGovernance(BASE, { validators, today: TODAY });
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  for (const c of listRuleCases()) {
    it(`${c.rule}/${c.name}`, () => {
      const expected = readExpected(c.dir);
      const root = materialize(c.dir, expected);
      roots.push(root);
      const result = checkGovernance(root, { validators, today: TODAY, ...caseOptions(c.rule, validators) });
      expect(shown(result.findings)).toEqual(shown(expected.findings));
      expect(shown(result.acknowledged, false)).toEqual(shown(expected.acknowledged ?? [], false));
      expect(result.ok).toBe(!expected.findings.some((f) => f.severity === 'error'));
      const own = [...expected.findings, ...(expected.acknowledged ?? [])].filter((f) => f.rule === c.rule);
      if (c.name.startsWith('invalid')) expect(own.length, 'an invalid case must trigger its own rule').toBeGreaterThan(0);
      else
        expect(
          expected.findings.filter((f) => f.rule === c.rule),
          'a valid case must not trigger its own rule',
        ).toEqual([]);
    });
  }

  it('every rule has a valid and an invalid fixture, and every fixture belongs to a rule', () => {
    const ids = [...RULES, ...STAGE_RULES].map((r) => r.id);
    const cases = listRuleCases();
    for (const id of ids.filter((id) => !GENERATED.has(id))) {
      const names = cases.filter((c) => c.rule === id).map((c) => c.name);
      expect(
        names.some((n) => n.startsWith('valid')),
        `${id} needs a valid fixture`,
      ).toBe(true);
      expect(
        names.some((n) => n.startsWith('invalid')),
        `${id} needs an invalid fixture`,
      ).toBe(true);
    }
    for (const c of cases) {
      expect(ids, `fixture folder ${c.rule} names no rule`).toContain(c.rule);
      expect(c.name).toMatch(/^(valid|invalid)(-[a-z0-9-]+)?$/);
      expect(fs.existsSync(path.join(c.dir, 'expected.yaml')), `${c.rule}/${c.name} needs expected.yaml`).toBe(true);
    }
  });
});
