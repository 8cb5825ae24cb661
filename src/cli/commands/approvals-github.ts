import fs from 'node:fs';
import path from 'node:path';
import type { Decision } from '../../approvals/decision';
import type { Snapshot } from '../../approvals/snapshot';
import { formatDecisionMarkdown } from '../../approvals/summary';
import { postCheckRun } from '../../github/check-run';
import { createOctokit, type Octokit } from '../../github/client';
import { GithubError } from '../../github/errors';
import { fetchSnapshot } from '../../github/snapshot';
import { escapeMarkdown } from '../../findings/escape';
import { loadGovernance } from '../../load/load';
import { openSource } from '../../pipeline';
import { precompiledValidators } from '../../schema/validators';
import { UsageError, type CommandIo } from '../io';

/** Which tool decided, for the decision record. */
export const TOOL = {
  name: 'verbund',
  version: (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version,
};
export interface GithubArgs {
  repo: string;
  pr: string;
  apiUrl?: string;
}

export interface GithubClient {
  octokit: Octokit;
  owner: string;
  name: string;
  pullNumber: number;
}

/** The client for --repo: the token only from GITHUB_TOKEN, never from a flag or a file. */
export function githubClient(args: GithubArgs, io: CommandIo): GithubClient {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(args.repo);
  if (!match) throw new UsageError(`--repo erwartet EIGENTÜMER/NAME, nicht „${args.repo}“.`);
  const pullNumber = Number(args.pr);
  if (!Number.isInteger(pullNumber) || pullNumber < 1) throw new UsageError(`--pr erwartet die Nummer eines Pull Requests, nicht „${args.pr}“.`);
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new UsageError('Für --repo braucht verbund ein Token in der Umgebungsvariable GITHUB_TOKEN.');
  const octokit = createOctokit({ token, ...(args.apiUrl ? { apiUrl: args.apiUrl } : {}), log: (line) => io.err(`verbund: ${line}\n`) });
  return { octokit, owner: match[1]!, name: match[2]!, pullNumber };
}

/** Reads the snapshot from GitHub (and saves it when asked), or says why it could not. */
export async function snapshotFromGithub(
  client: GithubClient,
  saveSnapshot: string | undefined,
  teams: string[],
): Promise<{ snapshot: Snapshot } | { problem: string }> {
  const { octokit, owner, name, pullNumber } = client;
  try {
    const snapshot = await fetchSnapshot(octokit, { owner, repo: name, pullNumber, teams });
    if (saveSnapshot) fs.writeFileSync(saveSnapshot, JSON.stringify(snapshot, null, 2) + '\n');
    return { snapshot };
  } catch (error) {
    if (!(error instanceof GithubError)) throw error;
    return { problem: `${error.message}; nichts ist freigegeben.` };
  }
}

/** Marks the head commit's check "HVB-Freigabe" as failed: nothing could be verified, so nothing counts as approved. */
export async function postUnverifiable(octokit: Octokit, repo: string, headSha: string, reason: string, io: CommandIo): Promise<void> {
  const [owner, name] = repo.split('/') as [string, string];
  try {
    await postCheckRun(octokit, { owner, repo: name, headSha, conclusion: 'failure', title: 'HVB-Freigabe: nicht prüfbar', summary: escapeMarkdown(reason) });
  } catch (error) {
    if (!(error instanceof GithubError)) throw error;
    io.err(`verbund: ${error.message}\n`);
  }
}

/** Creates or updates the check run "HVB-Freigabe": its summary is the table, its text the decision record. */
export async function postDecision(octokit: Octokit, decision: Decision, io: CommandIo): Promise<boolean> {
  const [owner, repo] = decision.repo.split('/') as [string, string];
  const { title, summary } = formatDecisionMarkdown(decision);
  try {
    await postCheckRun(octokit, {
      owner,
      repo,
      headSha: decision.head.sha,
      conclusion: decision.ok ? 'success' : 'failure',
      title,
      summary,
      text: `Entscheidungsprotokoll:\n\n\`\`\`json\n${JSON.stringify(decision, null, 2)}\n\`\`\`\n`,
    });
    return true;
  } catch (error) {
    if (!(error instanceof GithubError)) throw error;
    io.err(`verbund: ${error.message}\n`);
    return false;
  }
}

/**
 * The GitHub teams the rules name, read from the checked-out commit (in the workflow: the base
 * commit). A team the base rules name but this list lacks is not read, and fails closed.
 */
export function teamsNamed(root: string): string[] {
  let source;
  try {
    source = openSource(root, 'HEAD');
  } catch {
    return [];
  }
  // Only the team names are needed here: load, no rules (the base commit is checked later).
  const gruppen = loadGovernance(source, precompiledValidators()).model.freigaberegeln?.gruppen ?? {};
  return Object.values(gruppen).flatMap((g) => (typeof g.team === 'string' ? [g.team] : []));
}
