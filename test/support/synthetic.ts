// The benchmark generator (scripts/bench/generate.js) for the tests, and template folders for
// it that are no Verbund's real data: the example Verbund, or a fixture with open values.
import path from 'node:path';
import { materialize, readExpected, RULE_CASES } from '../fixture-cases';

export interface KindShares {
  files: number;
  values: number;
  open: number;
  delegations: number;
  longTexts: number;
  perFile: { file: string; values: number; open: number; delegations: number }[];
}
export type Shares = Record<'members' | 'goals' | 'bodies' | 'strategies' | 'dimensions', KindShares>;
export interface GenerateResult {
  members: number;
  goals: number;
  dimensions: number;
  bodies: number;
  delegatingMembers: number;
  files: number;
}
interface Generator {
  generate: (n: number, dir: string, options?: { today?: string; templates?: string; policies?: string }) => GenerateResult;
  measureShares: (root: string) => Shares;
}

export const { generate, measureShares } = require('../../scripts/bench/generate.js') as Generator;

/** Template options for generate(): the governance/ and policies/ folders of a root. */
export function templatesOf(root: string): { templates: string; policies: string } {
  return { templates: path.join(root, 'governance'), policies: path.join(root, 'policies') };
}

/**
 * The base fixture with the offener-wert case laid over it: two members (gemeinde-a with one
 * open value and its own delegation, landkreis-muster with none) and two goals (1.2 with one
 * open value). Every clone keeps its template's open value, so a Verbund of N members cloned
 * from it has exactly N open values. The caller removes the folder (it is pushed to `roots`).
 */
export function openValuesRoot(roots: string[]): string {
  const dir = path.join(RULE_CASES, 'offener-wert', 'invalid');
  const root = materialize(dir, readExpected(dir));
  roots.push(root);
  return root;
}
