// A rule that throws makes `verbund check` end with exit 2 after reporting everything else.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compileValidators } from '../../schema/compile';
import { checkCommand } from './check';

vi.mock('../../check/rules', async (original) => {
  const actual = await original<typeof import('../../check/rules')>();
  const broken = {
    id: 'kaputte-regel',
    severity: 'error',
    category: 'empfehlung',
    description: 'Wirft.',
    check: () => {
      throw new Error('absichtlich');
    },
  };
  return { RULES: [...actual.RULES, broken] };
});
vi.mock('../../schema/validators', () => ({
  precompiledValidators: () => compileValidators(path.join(__dirname, '..', '..', '..', 'schemas', 'governance')),
}));

describe('verbund check with a rule that throws', () => {
  it('reports the internal error as a finding of that rule and exits 2', () => {
    let out = '';
    const code = checkCommand(
      { root: path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'base'), today: '2026-11-21' },
      { out: (text: string) => (out += text), err: () => undefined },
    );
    expect(code).toBe(2);
    expect(out).toContain('[kaputte-regel] Interner Fehler der Regel „kaputte-regel“: absichtlich.');
    expect(out).toContain('Ergebnis: nicht vollständig geprüft – 1 Regel(n) mit internem Fehler');
  });
});
