// verbund audit --repo: the votes in the evidence cross-checked with the reviews the fake GitHub
// reports (its answers checked against GitHub's OpenAPI description).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HVB } from '../approvals/scenario';
import { fakes, scenario, TOKEN } from '../github/fixture';
import { temporaryRoots } from '../support/cli';
import { baseCheckout, verbundAsync } from '../support/git-repo';
import type { ReviewFacts } from '../support/fake-github';
import { approvedOnEarlierCommit, git, MEMBER, mergePull } from '../support/merged-history';

const roots = temporaryRoots();
const start = fakes();
const hvb = HVB['stadt-musterstadt']!;

/** A history with pull request #1 merged with evidence; its head commit and the merge commit. */
function history(): { root: string; head: string; merged: string } {
  const { root } = baseCheckout(roots);
  const merged = mergePull(root, { number: 1, line: 'eins', approver: hvb, approvedAt: '2026-03-02T09:00:00Z', mergedAt: '2026-03-02T11:00:00+01:00' });
  return { root, head: git(root, ['rev-parse', 'pr-1']), merged };
}

const onGithub = (head: string, merged: string, state: 'APPROVED' | 'CHANGES_REQUESTED' = 'APPROVED', later: ReviewFacts[] = []) =>
  scenario({
    pull: { number: 1, author: { id: 9000, login: 'referentin-digital' }, body: '', baseSha: 'b'.repeat(40), headSha: head, mergedAs: merged },
    reviews: [{ id: 101, user: hvb, state, submitted_at: '2026-03-02T09:00:00Z', commit_id: head }, ...later],
  });

describe('verbund audit --repo', () => {
  it('finds the evidence confirmed by GitHub’s reviews: exit 0, and the report no longer says offline only', async () => {
    const { root, head, merged } = history();
    const fake = await start(onGithub(head, merged));
    const run = await verbundAsync(root, TOKEN, 'audit', '--repo', 'musterverbund/governance', '--api-url', fake.url);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 Commits geprüft, 0 ohne gültigen Nachweis.\n');
    expect(run.stdout).not.toContain('Nur offline geprüft');
    expect(fake.requestsTo(/\/pulls\/1\/reviews$/)).toHaveLength(1);
    expect(fake.requestsTo(/\/pulls\/1$/)).toHaveLength(1);
  });

  it('asks GitHub for the tree of a reviewed commit the clone lacks: another tree than the approved one is a finding', async () => {
    const { root } = baseCheckout(roots);
    const onEarlier = approvedOnEarlierCommit(root);
    const merged = mergePull(root, {
      number: 1,
      line: 'eins',
      approver: hvb,
      approvedAt: '2026-03-02T09:00:00Z',
      mergedAt: '2026-03-02T11:00:00+01:00',
      squash: true,
      tamper: onEarlier.tamper,
    });
    const earlier = onEarlier.earlier();
    git(root, ['gc', '-q', '--prune=now']);
    const head = git(root, ['rev-parse', 'pr-1']);
    const fake = await start({
      ...onGithub(head, merged),
      reviews: [{ id: 101, user: hvb, state: 'APPROVED', submitted_at: '2026-03-02T09:00:00Z', commit_id: earlier }],
      commits: { [earlier]: 'c'.repeat(40) },
    });
    const run = await verbundAsync(root, TOKEN, 'audit', '--repo', 'musterverbund/governance', '--api-url', fake.url);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `    Der Commit ${earlier.slice(0, 12)}, dem eine Freigabe galt, hat laut GitHub den Baum cccccccccccc, nicht den freigegebenen `,
    );
    expect(fake.requestsTo(new RegExp(`/git/commits/${earlier}$`))).toHaveLength(1);
  });

  it('a genuine record copied onto another commit, and an approval withdrawn before the merge, are findings', async () => {
    const { root, head, merged } = history();
    // The record of #1 copied onto a later direct push (its base and tree made to fit).
    fs.appendFileSync(path.join(root, MEMBER), '# direkt\n');
    git(root, ['add', '-A']);
    const message = git(root, ['log', '-1', '--format=%B', merged])
      .replace(/^Verbund-Basis: .*$/m, `Verbund-Basis: ${merged}`)
      .replace(/baum=[0-9a-f]+/, `baum=${git(root, ['write-tree'])}`);
    git(root, ['commit', '-q', '-m', message], '2026-03-02T12:00:00+01:00');
    const copy = git(root, ['rev-parse', 'HEAD']);
    const withdrawn: ReviewFacts = { id: 102, user: hvb, state: 'CHANGES_REQUESTED', submitted_at: '2026-03-02T09:30:00Z', commit_id: head };
    const fake = await start(onGithub(head, merged, 'APPROVED', [withdrawn]));
    const run = await verbundAsync(root, TOKEN, 'audit', '--repo', 'musterverbund/governance', '--api-url', fake.url, '--format', 'json');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { commits: { sha: string; findings: string[] }[] };
    const withdrawnNote = 'bm-musterstadt (1006) hat nach der Zustimmung laut GitHub Änderungen verlangt (Review 102 am 2026-03-02T09:30:00Z), vor dem Merge.';
    expect(out.commits.find((c) => c.sha === merged)!.findings).toEqual([withdrawnNote]);
    // Offline the copy already fails (its head's tree, its basis); GitHub adds that #1 was merged as another commit.
    expect(out.commits.find((c) => c.sha === copy)!.findings).toEqual(
      expect.arrayContaining([
        `musterverbund/governance#1 wurde schon mit Commit ${merged.slice(0, 12)} gemergt; ein Nachweis gilt für genau einen Merge.`,
        `Pull Request #1 wurde laut GitHub als ${merged.slice(0, 12)} gemergt, nicht als dieser Commit ${copy.slice(0, 12)}.`,
      ]),
    );
  });

  it('a vote GitHub reports otherwise is a finding (exit 1); GitHub unreadable is exit 2, never an offline pass', async () => {
    const { root, head, merged } = history();
    const fake = await start(onGithub(head, merged, 'CHANGES_REQUESTED'));
    const run = await verbundAsync(root, TOKEN, 'audit', '--repo', 'musterverbund/governance', '--api-url', fake.url);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('    Das Review 101 von bm-musterstadt (1006) ist laut GitHub keine Zustimmung (CHANGES_REQUESTED).\n');
    fake.fail(/\/pulls\/1\/reviews$/, { status: 403, body: { message: 'Resource not accessible by integration' } }, 10);
    const failed = await verbundAsync(root, TOKEN, 'audit', '--repo', 'musterverbund/governance', '--api-url', fake.url);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/der Abgleich mit GitHub ist nicht möglich\.\n$/);
  });
});
