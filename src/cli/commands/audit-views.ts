import { berlinDay } from '../../approvals/berlin';
import { stateOn } from '../../audit/as-of';
import { HistoryError, readBlobs, readChain, readHistory, readMessage } from '../../audit/history';
import { artefactHistory, changesOf } from '../../audit/path-history';
import { parseEvidence } from '../../audit/trailers';
import { escapeLine } from '../../findings/escape';
import { checkSource } from '../../pipeline';
import { precompiledValidators } from '../../schema/validators';
import { GitSource } from '../../source/git-source';
import { EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';

/** The options of verbund audit. */
export interface AuditArgs {
  root: string;
  branch?: string;
  format?: string;
  asOf?: string;
  path?: string;
  from?: string;
  to?: string;
  out?: string;
  /** OWNER/NAME: cross-check the evidence with the reviews GitHub reports (token from GITHUB_TOKEN). */
  repo?: string;
  apiUrl?: string;
}

/** `--as-of DATE`: the state of the branch at the end of that day (Europe/Berlin), loaded like any other, as German lines. */
export function asOf(args: AuditArgs, day: string, io: CommandIo): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError(`--as-of erwartet ein Datum JJJJ-MM-TT, nicht „${day}“.`);
  let commits;
  try {
    commits = readChain(args.root, args.branch ?? 'HEAD');
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    io.err(`verbund: ${escapeLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  const commit = commits.filter((c) => berlinDay(c.committed) <= day).at(-1);
  if (!commit) {
    io.out(`Am ${day} gab es im Zweig noch keinen Stand.\n`);
    return EXIT_OK;
  }
  const result = checkSource(new GitSource(args.root, commit.sha), { validators: precompiledValidators(), today: day });
  const evidence = parseEvidence(readMessage(args.root, commit.sha));
  const via = evidence && 'evidence' in evidence ? `, ${evidence.evidence.repo}#${evidence.evidence.pullRequest}` : '';
  const lines = [`Stand am ${day}: Commit ${commit.sha.slice(0, 12)} vom ${berlinDay(commit.committed)}${via}`, ''];
  if (result.totals.errors > 0) lines.push(`Achtung: dieser Stand hat ${result.totals.errors} Fehler (verbund check --rev ${commit.sha.slice(0, 12)}).`, '');
  lines.push(...stateOn(result.model, day));
  io.out(lines.map(escapeLine).join('\n') + '\n');
  return EXIT_OK;
}

/** `--path FILE`: the artefact's history as domain changes, each with date, commit, pull request, approvers and rules. */
export function artefact(args: AuditArgs, file: string, format: string, io: CommandIo): number {
  let history;
  try {
    const commits = readHistory(args.root, args.branch ?? 'HEAD');
    const touching = changesOf(commits, file);
    history = artefactHistory(
      commits,
      file,
      readBlobs(
        args.root,
        touching.flatMap(({ change }) => [change.oldBlob, change.newBlob]),
      ),
    );
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    io.err(`verbund: ${escapeLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  const entries = history.map((h) => {
    const parsed = parseEvidence(h.commit.message);
    const evidence = parsed && 'evidence' in parsed ? parsed.evidence : undefined;
    return { ...h, evidence };
  });
  if (format === 'json') {
    const json = entries.map((e) => ({
      sha: e.commit.sha,
      committed: e.commit.committed,
      path: e.path,
      ...(e.evidence ? { pullRequest: `${e.evidence.repo}#${e.evidence.pullRequest}`, rules: e.evidence.rules, approvers: e.evidence.votes } : {}),
      changes: e.lines,
    }));
    io.out(JSON.stringify({ path: file, history: json }, null, 2) + '\n');
    return EXIT_OK;
  }
  if (entries.length === 0) {
    io.out(`${escapeLine(file)}: keine Änderung in der Historie.\n`);
    return EXIT_OK;
  }
  const lines = [`Historie von ${file}`, ''];
  for (const e of entries) {
    const who = e.evidence
      ? `${e.evidence.repo}#${e.evidence.pullRequest}, freigegeben von ${e.evidence.votes.map((v) => v.login).join(', ') || 'niemandem'} (Regeln ${e.evidence.rules.join(', ') || 'keine'})`
      : 'ohne Nachweis einer Freigabe';
    lines.push(`${berlinDay(e.commit.committed)}  ${e.commit.sha.slice(0, 12)}  ${who}`);
    for (const l of e.lines) lines.push(`    ${l}`);
  }
  io.out(lines.map(escapeLine).join('\n') + '\n');
  return EXIT_OK;
}
