// The model is read-only: every rule and the organisation view run on deeply frozen data.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/check/check';
import { loadGovernance } from '../src/load/load';
import type { CheckedModel } from '../src/model/model';
import { buildOrgView } from '../src/org/view';
import { compileValidators } from '../src/schema/compile';
import { WorktreeSource } from '../src/source/worktree-source';
import { EXAMPLE } from './fixture-cases';

const REPO = path.join(__dirname, '..');
const validators = compileValidators(path.join(REPO, 'schemas', 'governance'));
const TODAY = '2026-11-21';

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

describe('the model is read-only', () => {
  it('every rule and the organisation view run on deeply frozen data (the example Verbund) and give the same result', () => {
    const load = () => loadGovernance(new WorktreeSource(EXAMPLE), validators);
    const plain = runChecks(load(), { today: TODAY });
    const frozen = load();
    for (const item of frozen.model.items()) deepFreeze(item);
    for (const ausnahme of frozen.model.ausnahmen) deepFreeze(ausnahme);
    expect(Object.isFrozen(frozen.model.ziele[0]!.meilensteine[0])).toBe(true);
    const result = runChecks(frozen, { today: TODAY });
    expect(result.findings).toEqual(plain.findings);
    expect(result.acknowledged).toEqual(plain.acknowledged);
    expect(plain.findings).toEqual([]);
    expect(plain.acknowledged.map((f) => f.rule)).toEqual(['dimension-mit-zielen']);
    // Both runs passed the check; they are built by hand (not through loadChecked) to freeze the data between load and check.
    expect([result.ok, plain.ok]).toEqual([true, true]);
    expect(buildOrgView(result.model as CheckedModel, TODAY)).toEqual(buildOrgView(plain.model as CheckedModel, TODAY));
  });
});
