import { berlinDay } from '../../approvals/berlin';
import { evaluate } from '../../approvals/evaluate';
import { formatDecisionText } from '../../approvals/summary';
import { decisionTrailers, UnwritableEvidence } from '../../audit/trailers';
import { escapeLine } from '../../findings/escape';
import { governanceAt } from '../../gate/governance-at';
import { GithubError, GithubWriteError } from '../../github/errors';
import { branchTip, checkOutcome, commitsBehind, mergePull, pullFacts, REQUIRED_CHECK } from '../../github/merge';
import { openSource } from '../../pipeline';
import { precompiledValidators } from '../../schema/validators';
import { GitSourceError } from '../../source/git-source';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';
import { githubClient, snapshotFromGithub, teamsNamed, TOOL } from './approvals-github';

export interface MergeArgs {
  root: string;
  repo: string;
  pr: string;
  apiUrl?: string;
  method?: string;
}

const METHODS = ['merge', 'squash'] as const;

/**
 * `verbund merge`: re-decides the approval of a pull request (as `verbund approvals` does: from
 * GitHub, on the governance of its base commit read from git) and merges it only when every
 * requirement holds, with the decision record as git trailers in the merge commit. Refuses a
 * base branch that has moved since the pull request was last updated (the decision would rest
 * on outdated rules) and a head that does not contain the base branch, and pins the merge to the approved head commit (a later push fails it).
 * Exit 0 merged, 1 not approved or refused by GitHub, 2 when something could not be read.
 */
export async function mergeCommand(args: MergeArgs, io: CommandIo): Promise<number> {
  const method = (args.method ?? 'merge') as (typeof METHODS)[number];
  if (!METHODS.includes(method)) throw new UsageError(`Unbekannte Merge-Art „${args.method}“. Erlaubt sind: ${METHODS.join(', ')}.`);
  const client = githubClient({ repo: args.repo, pr: args.pr, apiUrl: args.apiUrl }, io);
  const pr = { owner: client.owner, repo: client.name, pullNumber: client.pullNumber };
  const fail = (message: string, code: number) => {
    io.err(`verbund: ${escapeLine(message)}\n`);
    return code;
  };
  try {
    const facts = await pullFacts(client.octokit, pr);
    if (facts.merged || facts.state !== 'open')
      return fail(`Pull Request #${pr.pullNumber} ist nicht offen (${facts.merged ? 'schon gemergt' : facts.state}).`, EXIT_FINDINGS);
    const read = await snapshotFromGithub(client, undefined, teamsNamed(args.root));
    if ('problem' in read) return fail(read.problem, EXIT_USAGE);
    const snapshot = read.snapshot;
    const tip = await branchTip(client.octokit, pr, facts.baseRef);
    if (tip !== snapshot.base.sha)
      return fail(
        `Der Zweig „${facts.baseRef}“ steht auf ${tip.slice(0, 12)}, der Pull Request beruht auf ${snapshot.base.sha.slice(0, 12)}: bitte den Pull Request aktualisieren, damit die Freigabe nach den geltenden Regeln entschieden wird. Nicht gemergt.`,
        EXIT_FINDINGS,
      );
    // GitHub's base sha of a pull request can lag behind; only a head that contains the tip makes
    // the merged tree the approved one (what the audit checks), whatever the branch protection says.
    const behind = await commitsBehind(client.octokit, pr, tip, snapshot.head.sha);
    if (behind > 0)
      return fail(
        `Der freigegebene Stand ${snapshot.head.sha.slice(0, 12)} enthält ${behind} Commit(s) von „${facts.baseRef}“ (${tip.slice(0, 12)}) nicht: bitte den Pull Request aktualisieren und neu freigeben lassen. Nicht gemergt.`,
        EXIT_FINDINGS,
      );
    const checked = await checkOutcome(client.octokit, pr, snapshot.head.sha, REQUIRED_CHECK);
    if (checked !== 'success')
      return fail(
        `Die Prüfung „${REQUIRED_CHECK}“ ist für den Kopf-Commit ${snapshot.head.sha.slice(0, 12)} nicht erfolgreich (${checked}): erst wenn verbund check im Pull Request besteht, wird gemergt. Nicht gemergt.`,
        EXIT_FINDINGS,
      );
    let source;
    try {
      source = openSource(args.root, snapshot.base.sha);
    } catch (error) {
      if (!(error instanceof GitSourceError)) throw error;
      return fail(`Der Basis-Commit ${snapshot.base.sha} ist hier nicht lesbar (${error.message}); bitte zuerst git fetch. Nicht gemergt.`, EXIT_USAGE);
    }
    const now = new Date().toISOString();
    const base = governanceAt(source, { validators: precompiledValidators(), today: berlinDay(now) });
    if ('blocker' in base)
      return fail(`Die Governance-Daten des Basis-Commits sind für die Freigabe nicht verlässlich (${base.blocker}). Nicht gemergt.`, EXIT_FINDINGS);
    const decision = { ...evaluate(snapshot, base.governance, now), tool: TOOL };
    io.out(formatDecisionText(decision));
    if (!decision.ok) return fail(`Pull Request #${pr.pullNumber} ist nicht freigegeben; nicht gemergt.`, EXIT_FINDINGS);
    let trailers;
    try {
      trailers = decisionTrailers(decision);
    } catch (error) {
      if (!(error instanceof UnwritableEvidence)) throw error;
      return fail(
        `Der Nachweis lässt sich nicht als Git-Trailer schreiben: ${JSON.stringify(error.value)} enthält Leer- oder Steuerzeichen (etwa ein Dateiname mit Leerzeichen). Nicht gemergt.`,
        EXIT_FINDINGS,
      );
    }
    const sha = await mergePull(client.octokit, {
      ...pr,
      sha: snapshot.head.sha,
      method,
      // A title that starts with "---" would read to git as the start of a patch, hiding the trailers.
      title: `${facts.title.replace(/^-{3,}/, '—')} (#${pr.pullNumber})`,
      message: `${trailers.join('\n')}\n`,
    });
    io.out(`Gemergt als ${sha}, mit dem Nachweis der Freigabe im Commit.\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof GithubError)) throw error;
    return fail(`${error.message}.`, error instanceof GithubWriteError ? EXIT_FINDINGS : EXIT_USAGE);
  }
}
