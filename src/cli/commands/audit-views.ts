import { berlinDay } from '../../approvals/berlin';
import { stateOn } from '../../audit/as-of';
import { HistoryError, readBlobs, readChain, readHistory, readMessage } from '../../audit/history';
import { artefactHistory, changesOf } from '../../audit/path-history';
import { parseEvidence } from '../../audit/trailers';
import { auditHistory, isGovernancePath, type CommitAudit } from '../../audit/verify';
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
  if (!isCalendarDay(day)) throw new UsageError(`--as-of erwartet ein Datum JJJJ-MM-TT, nicht „${day}“.`);
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
  let verdicts: Map<string, CommitAudit>;
  try {
    const commits = readHistory(args.root, args.branch ?? 'HEAD');
    const touching = changesOf(commits, file);
    const blobs = readBlobs(args.root, [
      ...commits.flatMap((c) => c.changes.filter((x) => isGovernancePath(x.path)).map((x) => x.newBlob)),
      ...touching.flatMap(({ change }) => [change.oldBlob, change.newBlob]),
    ]);
    history = artefactHistory(commits, file, blobs);
    // Evidence is shown only as the audit judged it: a forged record is named as such, never as an approval.
    verdicts = new Map(auditHistory(commits, blobs, precompiledValidators()).map((a) => [a.commit.sha, a]));
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    io.err(`verbund: ${escapeLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  const entries = history.map((h) => {
    const audit = verdicts.get(h.commit.sha);
    return { ...h, evidence: audit?.evidence, findings: audit ? audit.findings : ['Anfang der Historie: ohne Eltern-Commit, keine Freigabe möglich.'] };
  });
  if (format === 'json') {
    const json = entries.map((e) => ({
      sha: e.commit.sha,
      committed: e.commit.committed,
      path: e.path,
      ...(e.evidence ? { pullRequest: `${e.evidence.repo}#${e.evidence.pullRequest}`, rules: e.evidence.rules, approvers: e.evidence.votes } : {}),
      ok: e.findings.length === 0,
      findings: e.findings,
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
    const who =
      e.evidence && e.findings.length === 0
        ? `${e.evidence.repo}#${e.evidence.pullRequest}, freigegeben von ${e.evidence.votes.map((v) => v.login).join(', ') || 'niemandem'} (Regeln ${e.evidence.rules.join(', ') || 'keine'})`
        : `NICHT BELEGT: ${e.findings.join(' ')}`;
    lines.push(`${berlinDay(e.commit.committed)}  ${e.commit.sha.slice(0, 12)}  ${who}`);
    for (const l of e.lines) lines.push(`    ${l}`);
  }
  io.out(lines.map(escapeLine).join('\n') + '\n');
  return EXIT_OK;
}

/** A real calendar day JJJJ-MM-TT (2026-02-30 is none). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === text;
}
