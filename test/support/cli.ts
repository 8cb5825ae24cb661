// Runs the real entry point bin/verbund.js, and gives roots that are removed after the tests.
// The CLI runs in examples/musterverbund, so that a command without --root reads the example
// Verbund and never the data this repository ships in governance/ (the tool's tests do not
// depend on one Verbund's data).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { EXAMPLE, materialize, RULE_CASES } from '../fixture-cases';

export const REPO = path.join(__dirname, '..', '..');
export const BIN = path.join(REPO, 'bin', 'verbund.js');

export function verbund(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: EXAMPLE });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Temporary folders of one test file, removed after its tests. */
export function temporaryRoots(): string[] {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));
  return roots;
}

/** The base fixture with the schema case's broken files laid over it. */
export function brokenRoot(roots: string[]): string {
  const root = materialize(path.join(RULE_CASES, 'schema', 'invalid'), { findings: [] });
  roots.push(root);
  return root;
}
