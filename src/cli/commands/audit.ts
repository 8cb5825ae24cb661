import { berlinDay } from '../../approvals/berlin';
import { HistoryError, readBlobs, readHistory } from '../../audit/history';
import { auditHtml } from '../../audit/html';
import { blobParser, changeLines } from '../../audit/path-history';
import { auditJson, auditText } from '../../audit/report';
import { auditHistory, isGovernancePath } from '../../audit/verify';
import { escapeLine } from '../../findings/escape';
import { precompiledValidators } from '../../schema/validators';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';
import { artefact, asOf, type AuditArgs } from './audit-views';

export type { AuditArgs } from './audit-views';
import { OutFile } from './out-file';

const FORMATS = ['text', 'json', 'html'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `verbund audit`: re-verifies from the repository alone that every change on the main branch
 * carries valid evidence of its approval (git trailers written by verbund merge), judged by the
 * rules and identities of its parent commit. Exit 0 all evidenced, 1 a change without valid
 * evidence, 2 when the history cannot be read.
 */
export async function auditCommand(args: AuditArgs, io: CommandIo): Promise<number> {
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  if (args.asOf !== undefined && args.path !== undefined) throw new UsageError('--as-of und --path lassen sich nicht verbinden.');
  if (args.asOf !== undefined) return asOf(args, args.asOf, io);
  if (args.path !== undefined) return artefact(args, args.path, format, io);
  for (const [flag, value] of [
    ['--from', args.from],
    ['--to', args.to],
  ] as const) {
    if (value !== undefined && !DAY.test(value)) throw new UsageError(`${flag} erwartet ein Datum JJJJ-MM-TT, nicht „${value}“.`);
  }
  let audits;
  let blobs;
  try {
    const commits = readHistory(args.root, args.branch ?? 'HEAD');
    blobs = readBlobs(
      args.root,
      commits.flatMap((c) => c.changes.filter((x) => isGovernancePath(x.path)).map((x) => x.newBlob)),
    );
    // Every commit is re-verified (each rests on its parent's state); the report shows the period.
    audits = auditHistory(commits, blobs, precompiledValidators()).filter((a) => {
      const day = berlinDay(a.commit.committed);
      return (args.from === undefined || day >= args.from) && (args.to === undefined || day <= args.to);
    });
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    io.err(`verbund: ${escapeLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  let output: string;
  if (format === 'html') {
    const dataOf = blobParser(blobs);
    const entries = audits.map((audit) => ({
      audit,
      changes: audit.commit.changes.filter((c) => isGovernancePath(c.path)).flatMap((c) => changeLines(c, dataOf)),
    }));
    output = auditHtml(entries, { branch: args.branch ?? 'HEAD', from: args.from, to: args.to, createdAt: new Date().toISOString(), offlineOnly: true });
  } else output = format === 'json' ? JSON.stringify(auditJson(audits, true), null, 2) + '\n' : auditText(audits, true);
  if (args.out === undefined) io.out(output);
  else {
    const out = OutFile.open(args.out, io);
    if (!out) return EXIT_USAGE;
    out.write(output);
    if (!out.commit(io)) return EXIT_USAGE;
    io.err(`verbund: Bericht nach ${escapeLine(args.out)} geschrieben.\n`);
  }
  return audits.every((a) => a.findings.length === 0) ? EXIT_OK : EXIT_FINDINGS;
}
