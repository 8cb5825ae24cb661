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
  /** The data of the branch a change goes into (verbund check --base REF), for rules that compare; absent otherwise. */
  base?: Model;
}

/**
 * - integritaet: consumers rely on it (references, ids, escalation, delegations, approvals);
 *   its severity is fixed and no exception can waive it.
 * - leitlinie: a rule the Leitlinie states; severity fixed, but a recorded decision may
 *   waive a single finding (an exception).
 * - empfehlung: a recommendation from the organisation studies or a convention of the tool,
 *   each saying which in its grundlage; each Verbund sets its severity in
 *   policies/pruefregeln.yaml (or switches it off), and exceptions may waive it.
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
  /**
   * Where the rule comes from, in words that fit every Verbund; a Verbund names its own source
   * (e.g. the section of its Leitlinie) in policies/pruefregeln.yaml, grundlagen.
   */
  grundlage?: string;
  check(context: RuleContext): RuleFinding[];
}

export function isWaivable(rule: Pick<Rule, 'category'>): boolean {
  return rule.category !== 'integritaet';
}

/** The source a rule rests on when neither the Verbund nor the rule names a more precise one. */
const DEFAULT_GRUNDLAGE: Record<RuleCategory, string> = {
  integritaet: 'Integrität der Daten: Verweise, Kennungen, Freigaben und Eskalation müssen stimmen',
  leitlinie: 'die Leitlinie des Verbunds',
  empfehlung: 'Empfehlung (nicht aus der Leitlinie)',
};

/** The source of a rule for this Verbund: its own words from pruefregeln.yaml, else the rule's, else its category's. */
export function grundlageOf(rule: Pick<Rule, 'id' | 'category' | 'grundlage'>, configured: Readonly<Record<string, string>> | undefined): string {
  return configured?.[rule.id] ?? rule.grundlage ?? DEFAULT_GRUNDLAGE[rule.category];
}

/** "Grundlage: …" as the end of a message: with a full stop, unless the source already ends with one (also inside a quote). */
export function grundlageSentence(grundlage: string): string {
  return `Grundlage: ${grundlage}${/[.!?][“”"']?$/.test(grundlage) ? '' : '.'}`;
}
