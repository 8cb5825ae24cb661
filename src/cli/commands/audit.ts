import { auditBranch } from '../../audit/audit-branch';
import { auditHtml } from '../../audit/html';
import { blobParser, changeLines } from '../../audit/path-history';
import { auditJson, auditText, totals } from '../../audit/report';
import { crossCheck, crossCheckPull } from '../../audit/cross-check';
import { isGovernancePath, type CommitAudit } from '../../audit/verify';
import { createOctokit } from '../../github/client';
import { GithubError } from '../../github/errors';
import { pullFacts } from '../../github/merge';
import { fetchCommitTree, fetchReviews } from '../../github/snapshot';
import { escapeLine } from '../../findings/escape';
import { precompiledValidators } from '../../schema/validators';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';
import { isCalendarDay } from '../../model/calendar-day';
import { artefact, asOf, deliver, inPeriod, readOrSay, type AuditArgs } from './audit-views';

export type { AuditArgs } from './audit-views';

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
  refuseCombinations(args);
  if (args.asOf !== undefined) return asOf(args, args.asOf, format, io);
  if (args.path !== undefined) return artefact(args, args.path, format, io);
  // Every commit is re-verified (each rests on its parent's state); the report shows the period,
  // the exit code stays that of the whole branch.
  const read = readOrSay(() => auditBranch(args.root, args.branch ?? 'HEAD', precompiledValidators()), io);
  if (!read) return EXIT_USAGE;
  const { blobs, audits: all } = read;
  let audits = all.filter((a) => inPeriod(a.commit.committed, args));
  const online = args.repo === undefined ? undefined : await crossCheckWithGithub(audits, read.commitTrees, args, io);
  if (online === null) return EXIT_USAGE;
  if (online) audits = online;
  const offlineOnly = online === undefined;
  const allOk = all.every((a) => a.findings.length === 0) && audits.every((a) => a.findings.length === 0);
  const code = allOk ? EXIT_OK : EXIT_FINDINGS;
  if (format === 'text') {
    let output = auditText(audits, offlineOnly);
    if (audits.length !== all.length) output += `Auf dem ganzen Zweig: ${totals(all)}.\n`;
    return deliver(output, args, io, code);
  }
  // JSON and HTML tell each commit's changes at the level of the data too.
  const dataOf = blobParser(blobs);
  const entries = audits.map((audit) => ({
    audit,
    changes: audit.commit.changes.filter((c) => isGovernancePath(c.path)).flatMap((c) => changeLines(c, dataOf)),
  }));
  const frame = {
    branch: args.branch ?? 'HEAD',
    from: args.from,
    to: args.to,
    createdAt: new Date().toISOString(),
    offlineOnly,
    ...(audits.length !== all.length ? { branchTotals: totals(all) } : {}),
  };
  const output = format === 'html' ? auditHtml(entries, frame) : JSON.stringify({ ...auditJson(entries, offlineOnly), branchOk: allOk }, null, 2) + '\n';
  return deliver(output, args, io, code);
}

/** Options that do not go together, refused before anything is read. */
function refuseCombinations(args: AuditArgs): void {
  if (args.asOf !== undefined && args.path !== undefined) throw new UsageError('--as-of und --path lassen sich nicht verbinden.');
  for (const [flag, value] of [
    ['--from', args.from],
    ['--to', args.to],
  ] as const) {
    if (value === undefined) continue;
    if (!isCalendarDay(value)) throw new UsageError(`${flag} erwartet ein Datum JJJJ-MM-TT, nicht „${value}“.`);
    if (args.asOf !== undefined) throw new UsageError(`--as-of zeigt den Stand eines Tages; ${flag} lässt sich damit nicht verbinden.`);
  }
  if (args.from !== undefined && args.to !== undefined && args.from > args.to) throw new UsageError(`--from ${args.from} liegt nach --to ${args.to}.`);
  if (args.repo !== undefined && (args.asOf !== undefined || args.path !== undefined))
    throw new UsageError('--repo gleicht die Freigaben mit GitHub ab und gilt nur für die Prüfung (ohne --as-of und --path).');
}

/**
 * With --repo: each commit's evidence compared with the reviews GitHub reports for its pull
 * request (all pages). Evidence naming another repository is a finding. Null (after saying why)
 * when GitHub cannot be read: an audit that was asked to check online never passes offline.
 */
async function crossCheckWithGithub(
  audits: CommitAudit[],
  commitTrees: ReadonlyMap<string, string>,
  args: AuditArgs,
  io: CommandIo,
): Promise<CommitAudit[] | null> {
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
      const pr = { owner: match[1]!, repo: match[2]!, pullNumber: a.evidence.pullRequest };
      const pull = await pullFacts(octokit, pr);
      const reviews = await fetchReviews(octokit, pr);
      // The commits reviewed that the clone lacks were taken to carry the approved tree offline; GitHub tells.
      const missing = [...new Set(a.evidence.votes.map((v) => v.commitId).filter((sha) => !commitTrees.has(sha)))];
      const treeFindings: string[] = [];
      for (const sha of missing) {
        const tree = await fetchCommitTree(octokit, pr, sha);
        if (tree !== a.evidence.headTree)
          treeFindings.push(
            tree === undefined
              ? `GitHub kennt den Commit ${sha.slice(0, 12)} nicht, dem eine Freigabe im Nachweis gilt.`
              : `Der Commit ${sha.slice(0, 12)}, dem eine Freigabe galt, hat laut GitHub den Baum ${tree.slice(0, 12)}, nicht den freigegebenen ${a.evidence.headTree.slice(0, 12)}.`,
          );
      }
      checked.push({
        ...a,
        findings: [...a.findings, ...crossCheckPull(a.evidence, a.commit.sha, pull), ...crossCheck(a.evidence, reviews, a.commit.committed), ...treeFindings],
      });
    }
  } catch (error) {
    if (!(error instanceof GithubError)) throw error;
    io.err(`verbund: ${escapeLine(error.message.replace(/\.$/, ''))}; der Abgleich mit GitHub ist nicht möglich.\n`);
    return null;
  }
  return checked;
}
