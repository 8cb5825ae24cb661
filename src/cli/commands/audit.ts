import { berlinDay } from '../../approvals/berlin';
import { HistoryError, readBlobs, readHistory } from '../../audit/history';
import { auditHtml } from '../../audit/html';
import { blobParser, changeLines } from '../../audit/path-history';
import { auditJson, auditText } from '../../audit/report';
import { crossCheck } from '../../audit/cross-check';
import { auditHistory, isGovernancePath, type CommitAudit } from '../../audit/verify';
import { createOctokit } from '../../github/client';
import { GithubError } from '../../github/errors';
import { fetchReviews } from '../../github/snapshot';
import { escapeLine } from '../../findings/escape';
import { precompiledValidators } from '../../schema/validators';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';
import { artefact, asOf, isCalendarDay, type AuditArgs } from './audit-views';

export type { AuditArgs } from './audit-views';
import { OutFile } from './out-file';

const FORMATS = ['text', 'json', 'html'] as const;

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
    if (value !== undefined && !isCalendarDay(value)) throw new UsageError(`${flag} erwartet ein Datum JJJJ-MM-TT, nicht „${value}“.`);
  }
  if (args.from !== undefined && args.to !== undefined && args.from > args.to) throw new UsageError(`--from ${args.from} liegt nach --to ${args.to}.`);
  let audits: CommitAudit[];
  let all: CommitAudit[];
  let blobs;
  try {
    const commits = readHistory(args.root, args.branch ?? 'HEAD');
    blobs = readBlobs(
      args.root,
      commits.flatMap((c) => c.changes.filter((x) => isGovernancePath(x.path)).map((x) => x.newBlob)),
    );
    // Every commit is re-verified (each rests on its parent's state); the report shows the period,
    // the exit code stays that of the whole branch.
    all = auditHistory(commits, blobs, precompiledValidators());
    audits = all.filter((a) => {
      const day = berlinDay(a.commit.committed);
      return (args.from === undefined || day >= args.from) && (args.to === undefined || day <= args.to);
    });
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    io.err(`verbund: ${escapeLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  const online = args.repo === undefined ? undefined : await crossCheckWithGithub(audits, args, io);
  if (online === null) return EXIT_USAGE;
  if (online) audits = online;
  const offlineOnly = online === undefined;
  let output: string;
  if (format === 'html') {
    const dataOf = blobParser(blobs);
    const entries = audits.map((audit) => ({
      audit,
      changes: audit.commit.changes.filter((c) => isGovernancePath(c.path)).flatMap((c) => changeLines(c, dataOf)),
    }));
    output = auditHtml(entries, { branch: args.branch ?? 'HEAD', from: args.from, to: args.to, createdAt: new Date().toISOString(), offlineOnly });
  } else output = format === 'json' ? JSON.stringify(auditJson(audits, offlineOnly), null, 2) + '\n' : auditText(audits, offlineOnly);
  const allOk = all.every((a) => a.findings.length === 0) && audits.every((a) => a.findings.length === 0);
  if (audits.length !== all.length && format === 'text') {
    output += `Auf dem ganzen Zweig: ${all.length} Commits, ${all.filter((a) => a.findings.length > 0).length} ohne gültigen Nachweis.\n`;
  }
  if (args.out === undefined) io.out(output);
  else {
    const out = OutFile.open(args.out, io);
    if (!out) return EXIT_USAGE;
    out.write(output);
    if (!out.commit(io)) return EXIT_USAGE;
    io.err(`verbund: Bericht nach ${escapeLine(args.out)} geschrieben.\n`);
  }
  return allOk ? EXIT_OK : EXIT_FINDINGS;
}

/**
 * With --repo: each commit's evidence compared with the reviews GitHub reports for its pull
 * request (all pages). Evidence naming another repository is a finding. Null (after saying why)
 * when GitHub cannot be read: an audit that was asked to check online never passes offline.
 */
async function crossCheckWithGithub(audits: CommitAudit[], args: AuditArgs, io: CommandIo): Promise<CommitAudit[] | null> {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(args.repo!);
  if (!match) throw new UsageError(`--repo erwartet EIGENTÜMER/NAME, nicht „${args.repo}“.`);
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new UsageError('Für --repo braucht verbund ein Token in der Umgebungsvariable GITHUB_TOKEN.');
  const octokit = createOctokit({ token, ...(args.apiUrl ? { apiUrl: args.apiUrl } : {}), log: (line) => io.err(`verbund: ${line}\n`) });
  const checked: CommitAudit[] = [];
  try {
    for (const a of audits) {
      if (!a.evidence) {
        checked.push(a);
        continue;
      }
      if (a.evidence.repo !== args.repo) {
        checked.push({ ...a, findings: [...a.findings, `Der Nachweis nennt das Repository ${a.evidence.repo}, geprüft wird ${args.repo}.`] });
        continue;
      }
      const reviews = await fetchReviews(octokit, { owner: match[1]!, repo: match[2]!, pullNumber: a.evidence.pullRequest });
      checked.push({ ...a, findings: [...a.findings, ...crossCheck(a.evidence, reviews)] });
    }
  } catch (error) {
    if (!(error instanceof GithubError)) throw error;
    io.err(`verbund: ${escapeLine(error.message)}; der Abgleich mit GitHub ist nicht möglich.\n`);
    return null;
  }
  return checked;
}
