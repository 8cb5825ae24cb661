import { compareFindings, finding, type Finding, type Severity } from '../findings/finding';
import type { LoadResult } from '../load/load';
import type { Model } from '../model/model';
import { applyExceptions, type Acknowledged } from './exceptions';
import { grundlageOf, grundlageSentence, isWaivable, type Rule } from './rule';
import { RULES } from './rules';
import { countOpenValues } from './rules/offener-wert';
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
  /** False exactly when an error is found (counted before any capping). */
  ok: boolean;
  files: number;
  summary: Summary;
  /** The findings, sorted, capped per file and in total (see `truncated`). */
  findings: Finding[];
  acknowledged: Acknowledged[];
  /** All errors and warnings, including those left out by the cap. */
  totals: { errors: number; warnings: number };
  /** Present when findings were left out: how many are shown of how many. */
  truncated?: { shown: number; total: number };
  /** Rules that failed with an internal error (exit 2): each is also a finding. */
  internalErrors: number;
  /** The model, for consumers that go on after the check. */
  model: Model;
}

export interface CheckOptions {
  /** Rule ids not to run. */
  skip?: readonly string[];
  /** Today as JJJJ-MM-TT (default: the current date in UTC). */
  today?: string;
  rules?: readonly Rule[];
  /** The base branch's data, for rules that compare a change with it (verbund check --base). */
  base?: Model;
}

/** Findings shown at most per file and in total; the rest are counted. */
export const MAX_FINDINGS_PER_FILE = 100;
export const MAX_FINDINGS = 1000;

/** rules → exceptions, on what the load stage produced. */
export function runChecks(loaded: LoadResult, options: CheckOptions): CheckResult {
  const rules = options.rules ?? RULES;
  // Integrity rules always run: consumers rely on them, so they cannot be skipped either.
  const waivable = new Set(rules.filter(isWaivable).map((r) => r.id));
  const skipped = new Set((options.skip ?? []).filter((id) => waivable.has(id)));
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { model, files, unloadedFiles, findings: loadFindings } = loaded;
  const severities = resolveSeverities(model, rules);
  for (const rule of rules) if (severities.severityOf(rule) === undefined) skipped.add(rule.id);
  const ruleFindings: Finding[] = [];
  let internalErrors = 0;
  for (const rule of rules) {
    if (skipped.has(rule.id)) continue;
    const outcome = runRule(rule, severities.severityOf(rule)!, model, today, options.base);
    if (outcome.internal) internalErrors++;
    for (const f of outcome.findings) ruleFindings.push(f);
  }
  const { findings, acknowledged } = applyExceptions({ findings: [...loadFindings, ...severities.findings, ...ruleFindings], model, rules, skipped, today });
  findings.sort(compareFindings);
  acknowledged.sort(compareFindings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const shown = capped(findings);
  return {
    ok: errors === 0,
    files,
    summary: summarize(model, unloadedFiles),
    findings: shown,
    acknowledged,
    totals: { errors, warnings: findings.length - errors },
    ...(shown.length < findings.length ? { truncated: { shown: shown.length, total: findings.length } } : {}),
    internalErrors,
    model,
  };
}

/**
 * A rule that throws has a bug: it becomes an error finding for that rule (exit 2 at the end),
 * and every other rule still runs.
 */
function runRule(rule: Rule, severity: Severity, model: Model, today: string, base: Model | undefined): { findings: Finding[]; internal: boolean } {
  try {
    // A rule of the Leitlinie says what it rests on, in the Verbund's own words.
    const source = rule.category === 'leitlinie' ? ` ${grundlageSentence(grundlageOf(rule, model.pruefregeln?.grundlagen))}` : '';
    return {
      findings: rule.check({ model, today, ...(base ? { base } : {}) }).map((f) => finding(severity, rule.id, f.at, f.message + source)),
      internal: false,
    };
  } catch (error) {
    const file = model.verbund ? model.where(model.verbund) : { file: 'governance/verbund.yaml', line: 1, column: 1 };
    // Its own subject: no exception can waive a rule's failure.
    const where = { ...file, subject: `intern:${rule.id}`, path: '' };
    const message = `Interner Fehler der Regel „${rule.id}“: ${(error as Error).message}. Die Regel wurde nicht vollständig geprüft; bitte melden.`;
    return { findings: [finding('error', rule.id, where, message)], internal: true };
  }
}

/** Errors first, then warnings; at most MAX_FINDINGS_PER_FILE per file and MAX_FINDINGS in total, in file order. */
function capped(sorted: readonly Finding[]): Finding[] {
  if (sorted.length <= MAX_FINDINGS_PER_FILE) return [...sorted];
  const perFile = new Map<string, number>();
  const keep = new Set<Finding>();
  for (const severity of ['error', 'warning'] as const) {
    for (const f of sorted) {
      if (keep.size >= MAX_FINDINGS) break;
      if (f.severity !== severity) continue;
      const count = perFile.get(f.file) ?? 0;
      if (count >= MAX_FINDINGS_PER_FILE) continue;
      perFile.set(f.file, count + 1);
      keep.add(f);
    }
  }
  return sorted.filter((f) => keep.has(f));
}

function summarize(model: Model, unloadedFiles: number): Summary {
  const milestonesByStatus: Record<string, number> = {};
  let milestones = 0;
  for (const ziel of model.ziele) {
    for (const m of ziel.meilensteine) {
      milestones++;
      milestonesByStatus[m.status] = (milestonesByStatus[m.status] ?? 0) + 1;
    }
  }
  return {
    members: model.mitglieder.length,
    dimensions: model.dimensionen.length,
    goals: model.ziele.length,
    milestones,
    bodies: model.gremien.length,
    milestonesByStatus,
    openValues: countOpenValues(model),
    unloadedFiles,
  };
}
