import { HistoryError, readBlobs, readHistory } from '../../audit/history';
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
