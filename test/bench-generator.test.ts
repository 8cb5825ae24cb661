// The benchmark's synthetic Verbund must be valid data, or `npm run bench` measures error paths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkGovernance } from '../src/check/check';
import { compileValidators } from '../src/schema/compile';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-synth-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('generates a valid Verbund of N members with proportionally many goals', () => {
  const { generate } = require('../scripts/bench/generate.js') as { generate: (n: number, dir: string) => void };
  generate(16, root);
  const result = checkGovernance(root, { validators: compileValidators(path.join(__dirname, '..', 'governance', 'schemas')), today: '2026-11-21' });
  expect(result.findings).toEqual([]);
  expect(result.summary).toMatchObject({ members: 16, goals: 30, milestones: 90, bodies: 5 });
});
