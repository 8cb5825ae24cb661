import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import path from 'node:path';
import { berlinDay } from '../../approvals/berlin';
import { evaluate } from '../../approvals/evaluate';
import type { Snapshot } from '../../approvals/snapshot';
import { formatDecisionText } from '../../approvals/summary';
import { escapeLine } from '../../findings/escape';
import { openSource } from '../../pipeline';
import { governanceAt } from '../../gate/governance-at';
import { precompiledValidators } from '../../schema/validators';
import { GitSourceError } from '../../source/git-source';
import type { Octokit } from '../../github/client';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, UsageError, type CommandIo } from '../io';
import { githubClient, postDecision, postUnverifiable, snapshotFromGithub, teamsNamed, TOOL } from './approvals-github';

export interface ApprovalsArgs {
  root: string;
  snapshot?: string;
  format?: string;
  now?: string;
  repo?: string;
  pr?: string;
  apiUrl?: string;
  post?: boolean;
  saveSnapshot?: string;
  /** The head commit to mark as failed when the pull request itself cannot be read (the workflow knows it). */
  headSha?: string;
  /** Read rules and identities at this revision (e.g. HEAD: the current tip of the base branch) instead of the pull request's base commit. */
  baseRev?: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const FORMATS = ['text', 'json'] as const;
const SNAPSHOT_SCHEMA = path.join(__dirname, '..', '..', '..', 'schemas', 'output', 'approvals-snapshot.schema.json');

/**
 * `verbund approvals`: the HVB approval of a pull request, from GitHub (--repo, --pr) or from a
 * saved snapshot (--snapshot), decided by the governance of its base commit (read from git,
 * never from the pull request). With --post the result becomes the check run "HVB-Freigabe".
 * Exit 0 approved, 1 not approved, 2 when something could not be read (nothing is posted then).
 */
export async function approvalsCommand(args: ApprovalsArgs, io: CommandIo): Promise<number> {
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  const fromGithub = args.repo !== undefined || args.pr !== undefined;
  if (fromGithub === (args.snapshot !== undefined)) throw new UsageError('Bitte entweder --repo EIGENTÜMER/NAME mit --pr N oder --snapshot DATEI angeben.');
  if (fromGithub && (args.repo === undefined || args.pr === undefined)) throw new UsageError('--repo und --pr gehören zusammen.');
  if (args.post && !fromGithub) throw new UsageError('--post geht nur mit --repo und --pr.');
  const now = args.now ?? new Date().toISOString();
  if (!ISO_INSTANT.test(now) || Number.isNaN(Date.parse(now)))
    throw new UsageError(`--now erwartet einen Zeitpunkt nach ISO 8601 wie 2026-11-30T10:00:00Z, nicht „${now}“.`);
  let snapshot: Snapshot;
  let octokit: Octokit | undefined;
  // After an error nothing may look approved: with --post, the check becomes a failure.
  const unverifiable = async (reason: string, headSha: string | undefined, code: number) => {
    io.err(`verbund: ${reason}\n`);
    if (args.post && octokit && headSha) await postUnverifiable(octokit, args.repo!, headSha, reason, io);
    return code;
  };
  if (fromGithub) {
    const client = githubClient({ repo: args.repo!, pr: args.pr!, apiUrl: args.apiUrl }, io);
    octokit = client.octokit;
    const read = await snapshotFromGithub(client, args.saveSnapshot, teamsNamed(args.root));
    if ('problem' in read) return unverifiable(read.problem, args.headSha, EXIT_USAGE);
    snapshot = read.snapshot;
  } else snapshot = readSnapshot(args.snapshot!);
  if (args.baseRev !== undefined) {
    // GitHub moves a pull request's base commit only with a new push: the current tip of the
    // base branch holds the rules and identities in force now.
    const sha = resolveCommit(args.root, args.baseRev);
    if (!sha)
      return unverifiable(
        `„${escapeLine(args.baseRev)}“ (--base-rev) ist kein Commit in ${escapeLine(args.root)}; nichts ist freigegeben.`,
        snapshot.head.sha,
        EXIT_USAGE,
      );
    snapshot = { ...snapshot, base: { sha } };
  }
  let source;
  try {
    source = openSource(args.root, snapshot.base.sha);
  } catch (error) {
    if (!(error instanceof GitSourceError)) throw error;
    return unverifiable(
      `Der Basis-Commit ${snapshot.base.sha} ist nicht lesbar (${escapeLine(error.message)}); nichts ist freigegeben.`,
      snapshot.head.sha,
      EXIT_USAGE,
    );
  }
  const base = governanceAt(source, { validators: precompiledValidators(), today: berlinDay(now) });
  if ('blocker' in base) {
    // Fail closed: rules or identities with errors approve nothing.
    const reason = `Die Governance-Daten des Basis-Commits sind für die Freigabe nicht verlässlich (${escapeLine(base.blocker)}); nichts ist freigegeben (Einzelheiten: verbund check --rev ${snapshot.base.sha}).`;
    return unverifiable(reason, snapshot.head.sha, EXIT_FINDINGS);
  }
  const decision = { ...evaluate(snapshot, base.governance, now), tool: TOOL };
  io.out(format === 'json' ? JSON.stringify(decision, null, 2) + '\n' : formatDecisionText(decision));
  if (args.post && !(await postDecision(octokit!, decision, io))) return EXIT_USAGE;
  return decision.ok ? EXIT_OK : EXIT_FINDINGS;
}

/** The full sha of a revision in the repository at `root`, or undefined. */
function resolveCommit(root: string, rev: string): string | undefined {
  if (rev.startsWith('-')) return undefined;
  const run = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: root, encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** A saved snapshot, checked against its schema; a broken file is a usage error with the reason. */
function readSnapshot(file: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'die Datei gibt es nicht' : escapeLine((error as Error).message);
    throw new InputError(`Die Momentaufnahme „${escapeLine(file)}“ ist nicht lesbar: ${reason}.`);
  }
  const ajv = new Ajv2020({ allErrors: false, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SNAPSHOT_SCHEMA, 'utf8')));
  if (!validate(data)) {
    const e = validate.errors![0]!;
    throw new InputError(`Die Momentaufnahme „${escapeLine(file)}“ passt nicht zum Schema (${escapeLine(e.instancePath || '/')} ${e.message}).`);
  }
  return data as Snapshot;
}
