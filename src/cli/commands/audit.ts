import { berlinDay } from '../../approvals/berlin';
import { stateOn } from '../../audit/as-of';
import { HistoryError, readBlobs, readHistory } from '../../audit/history';
import { parseEvidence } from '../../audit/trailers';
import { checkSource } from '../../pipeline';
import { GitSource } from '../../source/git-source';
import { auditJson, auditText } from '../../audit/report';
import { auditHistory, isGovernancePath } from '../../audit/verify';
import { escapeLine } from '../../findings/escape';
import { precompiledValidators } from '../../schema/validators';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';

const FORMATS = ['text', 'json'] as const;

export interface AuditArgs {
  root: string;
  branch?: string;
  format?: string;
  asOf?: string;
}

/**
 * `verbund audit`: re-verifies from the repository alone that every change on the main branch
 * carries valid evidence of its approval (git trailers written by verbund merge), judged by the
 * rules and identities of its parent commit. Exit 0 all evidenced, 1 a change without valid
 * evidence, 2 when the history cannot be read.
 */
export async function auditCommand(args: AuditArgs, io: CommandIo): Promise<number> {
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  if (args.asOf !== undefined) return asOf(args, args.asOf, io);
  let audits;
  try {
    const commits = readHistory(args.root, args.branch ?? 'HEAD');
    const blobs = readBlobs(
      args.root,
      commits.flatMap((c) => c.changes.filter((x) => isGovernancePath(x.path)).map((x) => x.newBlob)),
    );
    audits = auditHistory(commits, blobs, precompiledValidators());
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    io.err(`verbund: ${escapeLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  io.out(format === 'json' ? JSON.stringify(auditJson(audits, true), null, 2) + '\n' : auditText(audits, true));
  return audits.every((a) => a.findings.length === 0) ? EXIT_OK : EXIT_FINDINGS;
}

/** `--as-of DATE`: the state of the branch at the end of that day (Europe/Berlin), loaded like any other, as German lines. */
function asOf(args: AuditArgs, day: string, io: CommandIo): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError(`--as-of erwartet ein Datum JJJJ-MM-TT, nicht „${day}“.`);
  let commits;
  try {
    commits = readHistory(args.root, args.branch ?? 'HEAD');
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
  const evidence = parseEvidence(commit.message);
  const via = evidence && 'evidence' in evidence ? `, ${evidence.evidence.repo}#${evidence.evidence.pullRequest}` : '';
  const lines = [`Stand am ${day}: Commit ${commit.sha.slice(0, 12)} vom ${berlinDay(commit.committed)}${via}`, ''];
  if (result.totals.errors > 0) lines.push(`Achtung: dieser Stand hat ${result.totals.errors} Fehler (verbund check --rev ${commit.sha.slice(0, 12)}).`, '');
  lines.push(...stateOn(result.model, day));
  io.out(lines.map(escapeLine).join('\n') + '\n');
  return EXIT_OK;
}
