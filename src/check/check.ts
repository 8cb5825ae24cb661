import { loadGovernance } from '../load/load';
import type { Model } from '../model/model';
import type { Validators } from '../schema/validators';
import { applyExceptions, type Acknowledged } from './exceptions';
import { compareFindings, finding, type Finding, type Severity } from './finding';
import type { Rule } from './rule';
import { RULES } from './rules';
import { openValues } from './rules/offener-wert';
import { resolveSeverities } from './severities';

export interface Summary {
  members: number;
  dimensions: number;
  goals: number;
  milestones: number;
  bodies: number;
  milestonesByStatus: Record<string, number>;
  openValues: number;
  /** Files that could not be loaded; the counts above leave out what they hold. */
  unloadedFiles: number;
}

export interface CheckResult {
  /** False exactly when an error is found. */
  ok: boolean;
  files: number;
  summary: Summary;
  findings: Finding[];
  acknowledged: Acknowledged[];
  /** The model, for consumers that go on after the check. */
  model: Model;
}

export interface CheckOptions {
  validators: Validators;
  /** Rule ids not to run. */
  skip?: readonly string[];
  /** Today as JJJJ-MM-TT (default: the current date in UTC). */
  today?: string;
  rules?: readonly Rule[];
}

/** load → rules → exceptions: the whole check of a repository root. */
export function checkGovernance(root: string, options: CheckOptions): CheckResult {
  const rules = options.rules ?? RULES;
  const skipped = new Set(options.skip ?? []);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { model, files, unloadedFiles, findings: loadFindings } = loadGovernance(root, options.validators);
  const severities = resolveSeverities(model, rules);
  for (const rule of rules) if (severities.severityOf(rule) === undefined) skipped.add(rule.id);
  const ruleFindings = rules
    .filter((rule) => !skipped.has(rule.id))
    .flatMap((rule) => runRule(rule, severities.severityOf(rule)!, model, today));
  const { findings, acknowledged } = applyExceptions(
    [...loadFindings, ...severities.findings, ...ruleFindings],
    model,
    new Set(rules.map((r) => r.id)),
    skipped,
    today,
  );
  findings.sort(compareFindings);
  acknowledged.sort(compareFindings);
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    files,
    summary: summarize(model, unloadedFiles),
    findings,
    acknowledged,
    model,
  };
}

/** A rule that throws has a bug: that is an internal error (exit 2), named after the rule. */
function runRule(rule: Rule, severity: Severity, model: Model, today: string): Finding[] {
  try {
    return rule.check({ model, today }).map((f) => finding(severity, rule.id, f.at, f.message, f.subject, f.detail));
  } catch (error) {
    throw new Error(`Regel „${rule.id}“: ${(error as Error).message}`, { cause: error });
  }
}

function summarize(model: Model, unloadedFiles: number): Summary {
  const milestones = model.ziele.flatMap((z) => z.meilensteine);
  const milestonesByStatus: Record<string, number> = {};
  for (const m of milestones) milestonesByStatus[m.status] = (milestonesByStatus[m.status] ?? 0) + 1;
  return {
    members: model.mitglieder.length,
    dimensions: model.dimensionen.length,
    goals: model.ziele.length,
    milestones: milestones.length,
    bodies: model.gremien.length,
    milestonesByStatus,
    openValues: openValues(model).length,
    unloadedFiles,
  };
}
