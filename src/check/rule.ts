import type { Location, Place, Severity } from '../findings/finding';
import type { Model } from '../model/model';

/** What a rule reports; the engine adds the rule's id, severity and the finding's stable key. */
export interface RuleFinding {
  /** Where, as the model's where()/whereKey() return it: the place also names subject and data path. */
  at: Place | Location;
  message: string;
}

export interface RuleContext {
  model: Model;
  /** Today's date (JJJJ-MM-TT); dates after it are in the future. */
  today: string;
}

/**
 * - integritaet: consumers rely on it (references, ids, escalation, delegations, approvals);
 *   its severity is fixed and no exception can waive it.
 * - leitlinie: a rule the Leitlinie states; severity fixed, but a recorded decision may
 *   waive a single finding (an exception).
 * - empfehlung: a recommendation from the organisation studies; each Verbund sets its
 *   severity in policies/pruefregeln.yaml (or switches it off), and exceptions may waive it.
 */
export type RuleCategory = 'integritaet' | 'leitlinie' | 'empfehlung';

/** One check beyond the schema. Rules trust the schema's types and never re-check them. */
export interface Rule {
  /** Stable id: used in findings, in --skip and in exceptions. */
  id: string;
  severity: Severity;
  category: RuleCategory;
  /** One German sentence: what the rule ensures. */
  description: string;
  check(context: RuleContext): RuleFinding[];
}

export function isWaivable(rule: Pick<Rule, 'category'>): boolean {
  return rule.category !== 'integritaet';
}
