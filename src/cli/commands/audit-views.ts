import path from 'node:path';
import { berlinDay } from '../../approvals/berlin';
import { stateHtml, stateLines, stateOn } from '../../audit/as-of';
import { auditBranch } from '../../audit/audit-branch';
import { HistoryError, readChain, readMessage } from '../../audit/history';
import { list, page } from '../../audit/html-page';
import { artefactHistory, changesOf } from '../../audit/path-history';
import { evidenceJson, START_OF_HISTORY } from '../../audit/report';
import { parseEvidence } from '../../audit/read-evidence';
import type { CommitAudit } from '../../audit/verify';
import { escapeHtml, escapeLine } from '../../findings/escape';
import { isCalendarDay } from '../../model/calendar-day';
import { checkSource } from '../../pipeline';
import { precompiledValidators } from '../../schema/validators';
import { GitSource } from '../../source/git-source';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';
import { OutFile } from './out-file';

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

/** `--as-of DATE`: the state of the branch at the end of that day (Europe/Berlin), loaded like any other. */
export function asOf(args: AuditArgs, day: string, format: string, io: CommandIo): number {
  if (!isCalendarDay(day)) throw new UsageError(`--as-of erwartet ein Datum JJJJ-MM-TT, nicht „${day}“.`);
  const commits = readOrSay(() => readChain(args.root, args.branch ?? 'HEAD'), io);
  if (!commits) return EXIT_USAGE;
  const commit = commits.filter((c) => berlinDay(c.committed) <= day).at(-1);
  if (!commit) {
    const none = `Am ${day} gab es im Zweig noch keinen Stand.`;
    const output = format === 'json' ? json({ day, commit: null }) : format === 'html' ? page(none, [`<h1>${escapeHtml(none)}</h1>`]) : `${none}\n`;
    return deliver(output, args, io);
  }
  const result = checkSource(new GitSource(args.root, commit.sha), { validators: precompiledValidators(), today: day });
  const evidence = parseEvidence(readMessage(args.root, commit.sha));
  const pullRequest = evidence && 'evidence' in evidence ? `${evidence.evidence.repo}#${evidence.evidence.pullRequest}` : undefined;
  const state = stateOn(result.model, day);
  const errors = result.totals.errors;
  // The pull request as the commit message names it; whether its record holds, verbund audit says.
  const heading = `Stand am ${day}: Commit ${commit.sha.slice(0, 12)} vom ${berlinDay(commit.committed)}${pullRequest ? `, laut Nachweis ${pullRequest}` : ''}`;
  const warning = errors > 0 ? [`Achtung: dieser Stand hat ${errors} Fehler (verbund check --rev ${commit.sha.slice(0, 12)}).`] : [];
  if (format === 'json')
    return deliver(
      json({ day, commit: { sha: commit.sha, committed: commit.committed, ...(pullRequest ? { pullRequest } : {}) }, errors, ...state }),
      args,
      io,
    );
  if (format === 'html') return deliver(stateHtml(state, heading, warning), args, io);
  const lines = [heading, '', ...warning.flatMap((w) => [w, '']), ...stateLines(state)];
  return deliver(lines.map(escapeLine).join('\n') + '\n', args, io);
}

/** `--path FILE`: the artefact's history as domain changes, each with date, commit, pull request, approvers and rules. */
export function artefact(args: AuditArgs, given: string, format: string, io: CommandIo): number {
  const file = repositoryPath(given);
  const found = readOrSay(() => {
    const branch = auditBranch(args.root, args.branch ?? 'HEAD', precompiledValidators(), (commits) =>
      changesOf(commits, file).flatMap(({ change }) => [change.oldBlob, change.newBlob]),
    );
    // Evidence is shown only as the audit judged it: a forged record is named as such, never as an approval.
    const verdicts = new Map(branch.audits.map((a) => [a.commit.sha, a]));
    return artefactHistory(branch.commits, file, branch.blobs).map((h) => ({ ...h, audit: verdicts.get(h.commit.sha)! }));
  }, io);
  if (!found) return EXIT_USAGE;
  if (found.length === 0) {
    io.err(
      `verbund: ${escapeLine(file)} kommt in der Historie von „${escapeLine(args.branch ?? 'HEAD')}“ nicht vor (Pfad relativ zum Repository, Groß- und Kleinschreibung beachten).\n`,
    );
    return EXIT_USAGE;
  }
  const entries = found.filter((e) => inPeriod(e.commit.committed, args));
  // As the audit: 1 when a change shown lacks valid evidence.
  const code = entries.some((e) => e.audit.findings.length > 0) ? EXIT_FINDINGS : EXIT_OK;
  if (format === 'json') {
    const history = entries.map(({ commit, path: at, lines, audit }) => ({
      sha: commit.sha,
      committed: commit.committed,
      path: at,
      ...(audit.start ? { start: true } : {}),
      ...(audit.evidence ? evidenceJson(audit.evidence) : {}),
      ok: audit.findings.length === 0,
      findings: audit.findings,
      changes: lines,
    }));
    return deliver(json({ path: file, history }), args, io, code);
  }
  const verdict = (a: CommitAudit) =>
    a.start
      ? START_OF_HISTORY
      : a.evidence && a.findings.length === 0
        ? `${a.evidence.repo}#${a.evidence.pullRequest}, freigegeben von ${a.evidence.votes.map((v) => `${v.login}${v.member ? ` (${v.member}, ${v.role})` : ''}`).join(', ') || 'niemandem'}; Regeln ${a.evidence.rules.join(', ') || 'keine'}${a.evidence.resolution ? `; Beschluss ${a.evidence.resolution}` : ''}`
        : `NICHT BELEGT: ${a.findings.join(' ')}`;
  if (format === 'html') {
    const sections = entries.map((e) =>
      [
        `<section>`,
        `<h2>${escapeHtml(`${berlinDay(e.commit.committed)} · ${e.commit.sha.slice(0, 12)}`)}</h2>`,
        `<p>${escapeHtml(verdict(e.audit))}</p>`,
        list(e.lines),
        '</section>',
      ].join('\n'),
    );
    return deliver(
      page(`Historie von ${file}`, [
        `<h1>${escapeHtml(`Historie von ${file}`)}</h1>`,
        entries.length === 0 ? '<p>Keine Änderung im Zeitraum.</p>' : '',
        ...sections,
      ]),
      args,
      io,
      code,
    );
  }
  if (entries.length === 0) return deliver(`${escapeLine(file)}: keine Änderung im Zeitraum.\n`, args, io);
  const lines = [`Historie von ${file}`, ''];
  for (const e of entries) {
    lines.push(`${berlinDay(e.commit.committed)}  ${e.commit.sha.slice(0, 12)}  ${verdict(e.audit)}`);
    for (const l of e.lines) lines.push(`    ${l}`);
  }
  return deliver(lines.map(escapeLine).join('\n') + '\n', args, io, code);
}

/** A path as the repository names it: relative, with forward slashes, without "./"; an empty or escaping path is refused. */
function repositoryPath(given: string): string {
  const normal = path.posix.normalize(given.replace(/\\/g, '/'));
  if (given.trim() === '' || normal === '.' || normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal))
    throw new UsageError(`--path erwartet den Pfad einer Datei im Repository (etwa governance/ziele/5.3-kostenteilung.yaml), nicht „${given}“.`);
  return normal.replace(/\/$/, '');
}

/** Whether a commit's day (Europe/Berlin) lies in the period of --from/--to. */
export function inPeriod(committed: string, args: Pick<AuditArgs, 'from' | 'to'>): boolean {
  const day = berlinDay(committed);
  return (args.from === undefined || day >= args.from) && (args.to === undefined || day <= args.to);
}

/** Writes the output to stdout or, with --out, to the file (whole or not at all). */
export function deliver(output: string, args: Pick<AuditArgs, 'out'>, io: CommandIo, code = EXIT_OK): number {
  if (args.out === undefined) {
    io.out(output);
    return code;
  }
  const out = OutFile.open(args.out, io);
  if (!out) return EXIT_USAGE;
  out.write(output);
  if (!out.commit(io)) return EXIT_USAGE;
  io.err(`verbund: Bericht nach ${escapeLine(args.out)} geschrieben.\n`);
  return code;
}

/** Runs a history read; a history that cannot be read is said on stderr (undefined then). */
export function readOrSay<T>(read: () => T, io: CommandIo): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    io.err(`verbund: ${escapeLine(error.message)}\n`);
    return undefined;
  }
}

function json(value: object): string {
  return JSON.stringify(value, null, 2) + '\n';
}
