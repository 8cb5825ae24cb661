import { describe, expect, it } from 'vitest';
import { planJson, planText } from './format';

describe('plan output for a Verbund without stacks', () => {
  it('says so, with and without --base, and the JSON lists no stack', () => {
    const none = 'Keine Stacks: stacks/ enthält keine Stack-Konfiguration (Pulumi.<stack>.yaml).\n';
    expect(planText([])).toBe(`${none}`);
    expect(planText([], [], 'origin/main')).toBe(`${none}`);
    expect(planJson([], [], 'origin/main')).toEqual({ stacks: [], base: 'origin/main' });
  });
});
