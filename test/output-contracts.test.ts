// The machine-readable outputs against their contracts in schemas/output/ (README
// "Maschinenlesbare Ausgaben"): real output of bin/verbund.js on the example Verbund, on the
// base fixture, on a broken fixture and on a large generated Verbund, validated with Ajv (draft
// 2020-12, strict, with formats); and mutated outputs the schemas must reject.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { brokenRoot, REPO, temporaryRoots, verbund } from './support/cli';
import { generate, openValuesRoot, templatesOf } from './support/synthetic';
import { BASE, EXAMPLE } from './fixture-cases';

const SCHEMAS = path.join(REPO, 'schemas', 'output');
const TODAY = '2026-11-21';

const roots = temporaryRoots();

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8')) as Record<string, unknown>;
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validateCheck = ajv.compile(readSchema('check.schema.json'));
const validateOrg = ajv.compile(readSchema('org.schema.json'));

/** Asserts validity and shows Ajv's errors when it fails. */
function expectValid(validate: ValidateFunction, data: unknown): void {
  const valid = validate(data);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

/** What the check schema cannot say: the counts agree with the findings shown. */
function expectConsistentCounts(out: Record<string, unknown>): void {
  const findings = out.findings as { severity: string }[];
  const truncated = out.truncated as { shown: number; total: number } | undefined;
  const totals = out.totals as { errors: number; warnings: number } | undefined;
  if (truncated) {
    expect(truncated.shown).toBe(findings.length);
    expect(truncated.total).toBeGreaterThan(findings.length);
  } else if (totals) {
    expect(totals.errors).toBe(findings.filter((f) => f.severity === 'error').length);
    expect(totals.warnings).toBe(findings.filter((f) => f.severity === 'warning').length);
  }
}

function errorsOf(validate: ValidateFunction, data: unknown) {
  expect(validate(data)).toBe(false);
  return validate.errors ?? [];
}

/** A synthetic Verbund of 1,100 members (scripts/bench/generate.js), each clone with its template's open value: 1,100 warnings. */
function largeRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-contract-'));
  roots.push(root);
  generate(1100, root, { today: TODAY, ...templatesOf(openValuesRoot(roots)) });
  return root;
}

/** Runs a command once; the tests below share its output. */
function once<T>(produce: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: produce() }).v;
}

const runs = {
  checkExample: once(() => verbund('check', '--root', EXAMPLE, '--format', 'json', '--today', TODAY)),
  checkBase: once(() => verbund('check', '--root', BASE, '--format', 'json', '--today', TODAY)),
  checkBroken: once(() => verbund('check', '--root', brokenRoot(roots), '--format', 'json', '--today', TODAY)),
  checkLarge: once(() => verbund('check', '--root', largeRoot(), '--format', 'json', '--today', TODAY)),
  orgExample: once(() => verbund('org', '--root', EXAMPLE, '--format', 'json', '--today', TODAY)),
  orgBase: once(() => verbund('org', '--root', BASE, '--format', 'json', '--today', TODAY)),
};

const json = (run: { stdout: string }) => JSON.parse(run.stdout) as Record<string, unknown>;

describe('the output schemas themselves', () => {
  // Subschemas that only test a condition are not shapes of the output.
  const CONDITIONS = new Set(['if', 'then', 'else', 'not', 'contains']);
  function* shapes(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) yield* shapes(item, `${at}/${i}`);
    } else if (node && typeof node === 'object') {
      const schema = node as Record<string, unknown>;
      if (schema.type === 'object' || 'properties' in schema) yield [at, schema];
      for (const [key, child] of Object.entries(schema)) {
        if (CONDITIONS.has(key) || key === 'enum' || key === 'const') continue;
        // Under properties the keys are names, not keywords.
        if (key === 'properties') for (const [name, sub] of Object.entries(child as object)) yield* shapes(sub, `${at}/properties/${name}`);
        else yield* shapes(child, `${at}/${key}`);
      }
    }
  }

  for (const name of ['check.schema.json', 'org.schema.json', 'approvals.schema.json']) {
    it(`${name}: draft 2020-12, every object closed, every key camelCase`, () => {
      const schema = readSchema(name);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const found = [...shapes(schema, '#')];
      expect(found.length).toBeGreaterThan(5);
      for (const [at, shape] of found) {
        expect(shape.additionalProperties, `${name} ${at}`).toBe(false);
        for (const key of Object.keys((shape.properties as object | undefined) ?? {})) expect(key, `${name} ${at}`).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      }
    });
  }
});

describe('verbund check --format json against schemas/output/check.schema.json', () => {
  it('example Verbund: no findings, an acknowledged exception', () => {
    const run = runs.checkExample();
    expect(run.code, run.stderr).toBe(0);
    const out = json(run);
    expect(out.findings).toEqual([]);
    expect((out.acknowledged as { rule: string }[]).map((a) => a.rule)).toEqual(['dimension-mit-zielen']);
    expectValid(validateCheck, out);
    expectConsistentCounts(out);
  });

  it('base fixture: no findings', () => {
    const run = runs.checkBase();
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ ok: true, findings: [] });
    expectValid(validateCheck, json(run));
    expectConsistentCounts(json(run));
  });

  it('broken fixture: errors, ok false', () => {
    const run = runs.checkBroken();
    expect(run.code, run.stderr).toBe(1);
    expect(json(run).ok).toBe(false);
    expectValid(validateCheck, json(run));
    expectConsistentCounts(json(run));
  });

  it('large generated Verbund: 1,100 warnings, capped at 1,000 shown', () => {
    const run = runs.checkLarge();
    expect(run.code, run.stderr).toBe(0);
    const out = json(run);
    expect(out.truncated).toEqual({ shown: 1000, total: 1100 });
    expect(out.totals).toEqual({ errors: 0, warnings: 1100 });
    expectValid(validateCheck, out);
    expectConsistentCounts(out);
  }, 30_000);

  it('accepts the announced additive fields: key on a finding, truncated at the top', () => {
    const out = json(runs.checkBroken());
    const findings = out.findings as Record<string, unknown>[];
    const keyed = findings.map((f) => ({ ...f, key: { rule: f.rule, subject: 'ziel:1.2', path: '/meilensteine/0/status' } }));
    const capped = { ...out, findings: keyed.slice(0, 2), truncated: { shown: 2, total: findings.length } };
    expectValid(validateCheck, capped);
    expectConsistentCounts(capped);
    expect(errorsOf(validateCheck, { ...capped, findings: [{ ...keyed[0], key: { rule: 'schema', subject: 'ziel:1.2' } }] })).toContainEqual(
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'path' } }),
    );
  });

  it('rejects output without ok', () => {
    const { ok: _ok, ...rest } = json(runs.checkExample());
    expect(errorsOf(validateCheck, rest)).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: 'ok' } }));
  });

  it('rejects an unknown envelope key', () => {
    const errors = errorsOf(validateCheck, { ...json(runs.checkExample()), befunde: [] });
    expect(errors).toContainEqual(expect.objectContaining({ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'befunde' } }));
  });

  it('rejects an unknown key on a finding, a malformed truncated and ok true with an error', () => {
    const out = json(runs.checkBroken());
    const findings = out.findings as Record<string, unknown>[];
    expect(errorsOf(validateCheck, { ...out, findings: [{ ...findings[0], datei: 'x' }] })).toContainEqual(
      expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'datei' } }),
    );
    expect(errorsOf(validateCheck, { ...out, truncated: { shown: 1 } })).toContainEqual(
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'total' } }),
    );
    expect(errorsOf(validateCheck, { ...out, ok: true })).toContainEqual(expect.objectContaining({ keyword: 'const', instancePath: '/ok' }));
    expect(errorsOf(validateCheck, { ...json(runs.checkBase()), ok: false })).toContainEqual(
      expect.objectContaining({ keyword: 'const', instancePath: '/ok' }),
    );
  });
});

describe('verbund org --format json against schemas/output/org.schema.json', () => {
  it('example Verbund', () => {
    const run = runs.orgExample();
    expect(run.code, run.stderr).toBe(0);
    const out = json(run);
    expect(out).toMatchObject({ name: 'Musterverbund im Landkreis Heideland', asOf: TODAY, topBody: 'hvb-runde' });
    expect((out.members as unknown[]).length).toBe(6);
    expect((out.bodies as unknown[]).length).toBe(5);
    expectValid(validateOrg, out);
  });

  it('base fixture', () => {
    const run = runs.orgBase();
    expect(run.code, run.stderr).toBe(0);
    const out = json(run);
    expect(out).toMatchObject({ asOf: TODAY, topBody: 'hvb-runde' });
    expectValid(validateOrg, out);
  });

  it('broken fixture: no JSON at all, the errors go to stderr', () => {
    const run = verbund('org', '--root', brokenRoot(roots), '--format', 'json', '--today', TODAY);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[schema]');
  });

  it('rejects output without name and German envelope keys', () => {
    const { name: _name, ...rest } = json(runs.orgBase());
    expect(errorsOf(validateOrg, rest)).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: 'name' } }));
    const { members, ...others } = json(runs.orgBase());
    expect(errorsOf(validateOrg, { ...others, mitglieder: members })).toContainEqual(
      expect.objectContaining({ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'mitglieder' } }),
    );
  });
});
