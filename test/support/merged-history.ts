// Real git histories for the audit tests: pull requests decided as verbund merge decides them
// (on their base, at approval time) and merged into main with the decision record as trailers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { evaluate } from '../../src/approvals/evaluate';
import type { GithubUser } from '../../src/approvals/snapshot';
import { decisionTrailers } from '../../src/audit/trailers';
import { governanceAt } from '../../src/gate/governance-at';
import { compileValidators } from '../../src/schema/compile';
import { GitSource } from '../../src/source/git-source';
import { REPO } from './cli';
import { GIT_ENV } from './git-repo';

const validators = compileValidators(path.join(REPO, 'schemas', 'governance'));
const AUTHOR: GithubUser = { id: 9000, login: 'referentin-digital' };
export const MEMBER = 'governance/mitglieder/stadt-musterstadt.yaml';

export function git(root: string, args: string[], date = '2026-11-30T10:00:00+01:00'): string {
  const run = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
}

export interface Pull {
  number: number;
  /** The change: appended to the member file of Stadt Musterstadt (as a comment), or an edit of it. */
  line: string;
  edit?: (text: string) => string;
  approver: GithubUser;
  /** The file changed (default: the member file of Stadt Musterstadt). */
  file?: string;
  approvedAt: string;
  mergedAt: string;
  squash?: boolean;
  /** Changes the message before merging (a forgery). */
  tamper?: (message: string) => string;
  /** A commit pushed after the approval, merged with it. */
  after?: string;
  /** Decide on the governance of this commit instead of the base (a record the base's rules would not give). */
  decideOn?: string;
}

/** Opens the pull request on a branch, decides it as verbund merge would (on its base, at approval time) and merges it into main. */
export function mergePull(root: string, pull: Pull): string {
  const base = git(root, ['rev-parse', 'HEAD']);
  git(root, ['checkout', '-q', '-b', `pr-${pull.number}`]);
  const changed = pull.file ?? MEMBER;
  const file = path.join(root, changed);
  fs.writeFileSync(file, pull.edit ? pull.edit(fs.readFileSync(file, 'utf8')) : `${fs.readFileSync(file, 'utf8')}# ${pull.line}\n`);
  git(root, ['commit', '-q', '-am', `Änderung ${pull.number}`], pull.approvedAt);
  const head = git(root, ['rev-parse', 'HEAD']);
  const tree = git(root, ['rev-parse', 'HEAD^{tree}']);
  if (pull.after) {
    fs.appendFileSync(file, `# ${pull.after}\n`);
    git(root, ['commit', '-q', '-am', 'Nachgeschoben'], pull.approvedAt);
  }
  git(root, ['checkout', '-q', 'main']);
  const snapshot = {
    repo: 'musterverbund/governance',
    pullRequest: pull.number,
    author: AUTHOR,
    body: '',
    base: { sha: base },
    head: { sha: head, tree },
    files: [changed],
    createdOrDeleted: [],
    reviews: [{ id: 100 + pull.number, user: pull.approver, state: 'APPROVED' as const, submittedAt: pull.approvedAt, commitId: head }],
    trees: { [head]: tree },
    teams: {},
  };
  const gov = governanceAt(new GitSource(root, pull.decideOn ?? base), { validators, today: pull.approvedAt.slice(0, 10) });
  if (!('governance' in gov)) throw new Error(gov.blocker);
  const decision = { ...evaluate(snapshot, gov.governance, pull.approvedAt), tool: { name: 'verbund', version: 'test' } };
  const message = `Änderung ${pull.number} (#${pull.number})\n\n${decisionTrailers(decision).join('\n')}\n`;
  const final = pull.tamper ? pull.tamper(message) : message;
  if (pull.squash) {
    git(root, ['merge', '-q', '--squash', `pr-${pull.number}`], pull.mergedAt);
    git(root, ['commit', '-q', '-m', final], pull.mergedAt);
  } else git(root, ['merge', '-q', '--no-ff', `pr-${pull.number}`, '-m', final], pull.mergedAt);
  return git(root, ['rev-parse', 'HEAD']);
}

/**
 * A tamper for mergePull: the approval given on another commit with the approved head's tree
 * (reachable from nothing once merged, as after an amend or a deleted squash branch). `earlier()`
 * names that commit once merged.
 */
export function approvedOnEarlierCommit(root: string): { tamper: (message: string) => string; earlier: () => string } {
  let earlier = '';
  return {
    tamper: (message) => {
      const head = /^Verbund-Kopf: (\S+)/m.exec(message)![1]!;
      earlier = git(root, ['commit-tree', `${head}^{tree}`, '-p', head, '-m', 'gleicher Stand']);
      return message.replace(`commit=${head}`, `commit=${earlier}`);
    },
    earlier: () => earlier,
  };
}
