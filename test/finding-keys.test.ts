// Every finding of every rule module carries a stable key naming an item (kind:id) and a data
// path: what an exception names, independent of the message.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../src/check/rules';
import { checkGovernance } from '../src/pipeline';
import { compileValidators } from '../src/schema/compile';
import { caseOptions, listRuleCases, materialize, readExpected } from './fixture-cases';

const validators = compileValidators(path.join(__dirname, '..', 'schemas', 'governance'));
const ruleIds = new Set(RULES.map((r) => r.id));
const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

describe('finding keys', () => {
  it('name an item and a data path for every rule finding in every fixture', () => {
    let seen = 0;
    const rulesSeen = new Set<string>();
    for (const c of listRuleCases()) {
      const root = materialize(c.dir, readExpected(c.dir));
      roots.push(root);
      const result = checkGovernance(root, { validators, today: '2026-11-21', ...caseOptions(c.rule, validators) });
      for (const f of [...result.findings, ...result.acknowledged].filter((f) => ruleIds.has(f.rule))) {
        seen++;
        rulesSeen.add(f.rule);
        expect(f.key.rule).toBe(f.rule);
        expect(f.key.subject, `${f.rule} ${f.file}:${f.line}`).toMatch(
          /^(verbund|leitlinie|historie|ressourcen|pruefregeln|freigaberegeln|ausnahme|dimension|ziel|mitglied|gremium|strategie|dienst|sicherung|stack|kostenschluessel|kostenposten)(:[^\s]+)?$/,
        );
        expect(f.key.path).toMatch(/^(\/[^/]+)*$/);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect([...rulesSeen].sort()).toEqual([...ruleIds].sort());
  });
});
