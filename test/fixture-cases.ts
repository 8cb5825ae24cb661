import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadGovernance } from '../src/load/load';
import type { Model } from '../src/model/model';
import { openSource } from '../src/pipeline';
import type { Validators } from '../src/schema/validators';
import { parse } from 'yaml';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const BASE = path.join(FIXTURES, 'base');
export const RULE_CASES = path.join(FIXTURES, 'rules');
/** The fictional example Verbund: the tool's complete, valid data set (zero findings). */
export const EXAMPLE = path.join(__dirname, '..', 'examples', 'musterverbund');

export interface ExpectedFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  /** The German message, word for word. */
  message: string;
}

/** A finding that an exception turned into an acknowledged note; compared without its severity. */
export type ExpectedAcknowledged = Omit<ExpectedFinding, 'severity'>;

/** expected.yaml of a case: what the check must report, exactly. */
export interface Expected {
  /** Files of the base fixture this case deletes. */
  remove?: string[];
  findings: ExpectedFinding[];
  /** Rules whose findings this case turns into acknowledged notes. */
  acknowledged?: ExpectedAcknowledged[];
}

export interface RuleCase {
  rule: string;
  /** valid… or invalid… */
  name: string;
  dir: string;
}

export function listRuleCases(): RuleCase[] {
  return fs
    .readdirSync(RULE_CASES)
    .sort()
    .flatMap((rule) =>
      fs
        .readdirSync(path.join(RULE_CASES, rule))
        .sort()
        .map((name) => ({ rule, name, dir: path.join(RULE_CASES, rule, name) })),
    );
}

export function readExpected(dir: string): Expected {
  const file = path.join(dir, 'expected.yaml');
  return (parse(fs.readFileSync(file, 'utf8')) as Expected | null) ?? { findings: [] };
}

/** A temporary repository root: the base fixture with the case's files laid over it. */
export function materialize(dir: string, expected: Expected): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-case-'));
  fs.cpSync(BASE, root, { recursive: true });
  for (const folder of ['governance', 'policies', 'stacks']) {
    const overlay = path.join(dir, folder);
    if (fs.existsSync(overlay)) fs.cpSync(overlay, path.join(root, folder), { recursive: true });
  }
  for (const file of expected.remove ?? []) fs.rmSync(path.join(root, file));
  return root;
}

/**
 * The options a case is checked with: a rule that compares with the base branch (leitlinie-fassung)
 * gets the base fixture as that branch; every other case runs without one, as verbund check does.
 */
export function caseOptions(rule: string, validators: Validators): { base?: Model } {
  if (!COMPARING_RULES.has(rule)) return {};
  return { base: loadGovernance(openSource(BASE), validators).model };
}

const COMPARING_RULES = new Set(['leitlinie-fassung']);
