// Shared helpers of the infrastructure tests: the checked model of a root, and a copy of the
// example Verbund in a git repository (for plan --base against a commit).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planStacks, type StackPlan } from '../../src/plan/plan';
import { loadChecked, openSource, type CheckedModel } from '../../src/pipeline';
import { compileValidators } from '../../src/schema/compile';
import { EXAMPLE } from '../fixture-cases';

export const TODAY = '2026-11-30';
/** The stacks of the example Verbund: its six members and the Verbund stack. */
export const EXAMPLE_STACKS = [
  'flecken-lindenau',
  'gemeinde-birkenfelde',
  'gemeinde-eichwalde',
  'landkreis-heideland',
  'samtgemeinde-am-moorbach',
  'stadt-musterstadt',
  'verbund',
];
const validators = compileValidators(path.join(__dirname, '..', '..', 'schemas', 'governance'));

export function checkedModel(root: string = EXAMPLE): CheckedModel {
  const gate = loadChecked(openSource(root), { validators, today: TODAY });
  if (!gate.ok) throw new Error(`Testdaten mit Fehlern: ${gate.result.findings.map((f) => `${f.file}:${f.line} ${f.message}`).join('\n')}`);
  return gate.model;
}

/** A copy of the example Verbund, committed in a fresh git repository; the caller removes it (roots). */
export function exampleRepository(roots: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-infra-'));
  roots.push(root);
  fs.cpSync(EXAMPLE, root, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-qm', 'Stand');
  return root;
}

/** Rewrites a file of a root with a replacement that must apply. */
export function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file}: ${String(from)} nicht gefunden`);
  fs.writeFileSync(full, changed);
}

/** The plan of every stack of a root (default: the example Verbund). */
export async function planAll(root: string = EXAMPLE): Promise<StackPlan[]> {
  const model = checkedModel(root);
  return planStacks(
    model,
    model.stacks.map((s) => s.id),
  );
}
