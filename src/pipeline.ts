import path from 'node:path';
import { runChecks, type CheckOptions, type CheckResult } from './check/check';
import { loadGovernance, type ParseCache } from './load/load';
import type { CheckedModel } from './model/model';
import type { Validators } from './schema/validators';
import type { FileSource } from './source/file-source';
import { GitSource } from './source/git-source';
import { WorktreeSource } from './source/worktree-source';

export type { CheckResult } from './check/check';

export interface PipelineOptions extends CheckOptions {
  validators: Validators;
  /** Parsed files shared across many loads (the audit's states); see FileSource.identity. */
  parseCache?: ParseCache;
}

/**
 * The one way into the data: a file source → load → check. Every consumer (org, plan, costs,
 * approvals, audit) gets its model from here, never by reading YAML itself.
 */
export function checkSource(source: FileSource, options: PipelineOptions): CheckResult {
  return runChecks(loadGovernance(source, options.validators, options.parseCache), options);
}

/** The working tree at `root`, or the commit `rev` of the repository at `root` (no checkout). */
export function openSource(root: string, rev?: string): FileSource {
  return rev === undefined ? new WorktreeSource(path.resolve(root)) : new GitSource(path.resolve(root), rev);
}

/** Convenience for a working tree: load and check the repository root. */
export function checkGovernance(root: string, options: PipelineOptions): CheckResult {
  return checkSource(openSource(root), options);
}

export type { CheckedModel } from './model/model';

export type Gate = { ok: true; model: CheckedModel; result: CheckResult } | { ok: false; result: CheckResult };

/** The gate every consumer passes: load and check, and hand out the model only when it has no errors. */
export function loadChecked(source: FileSource, options: PipelineOptions): Gate {
  const result = checkSource(source, options);
  if (!result.ok || result.internalErrors > 0) return { ok: false, result };
  return { ok: true, model: result.model as CheckedModel, result };
}
