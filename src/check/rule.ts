import type { Model } from '../model/model';
import type { Location, Severity } from './finding';

/** What a rule reports; the engine adds the rule's id and severity. */
export interface RuleFinding {
  at: Location;
  message: string;
  /** kind:id of the item concerned, so that an exception can name it. */
  subject?: string;
  /** The exact finding in a few stable words (an exception quotes it); default: the message. */
  detail?: string;
}

export interface RuleContext {
  model: Model;
  /** Today's date (JJJJ-MM-TT); dates after it are in the future. */
  today: string;
}

/** One check beyond the schema. Rules trust the schema's types and never re-check them. */
export interface Rule {
  /** Stable id: used in findings, in --skip and in exceptions. */
  id: string;
  severity: Severity;
  /**
   * Integrity rules that consumers rely on (approvals, escalation, references) keep their
   * severity; policies/pruefregeln.yaml cannot lower or switch them off.
   */
  fixed?: boolean;
  /** One German sentence: what the rule ensures. */
  description: string;
  check(context: RuleContext): RuleFinding[];
}
