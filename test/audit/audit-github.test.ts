// verbund audit --repo: the votes in the evidence cross-checked with the reviews the fake GitHub
// reports (its answers checked against GitHub's OpenAPI description).
import { describe, expect, it } from 'vitest';
import { HVB } from '../approvals/scenario';
import { fakes, scenario, TOKEN } from '../github/fixture';
import { temporaryRoots } from '../support/cli';
import { baseCheckout, verbundAsync } from '../support/git-repo';
import { git, mergePull } from '../support/merged-history';

const roots = temporaryRoots();
const start = fakes();
const hvb = HVB['stadt-musterstadt']!;

/** A history with pull request #1 merged with evidence; its head commit. */
function history(): { root: string; head: string } {
  const { root } = baseCheckout(roots);
  mergePull(root, { number: 1, line: 'eins', approver: hvb, approvedAt: '2026-03-02T09:00:00Z', mergedAt: '2026-03-02T10:00:00+01:00' });
  return { root, head: git(root, ['rev-parse', 'pr-1']) };
}

const onGithub = (head: string, state: 'APPROVED' | 'CHANGES_REQUESTED' = 'APPROVED') =>
  scenario({
    pull: { number: 1, author: { id: 9000, login: 'referentin-digital' }, body: '', baseSha: 'b'.repeat(40), headSha: head },
    reviews: [{ id: 101, user: hvb, state, submitted_at: '2026-03-02T09:00:00Z', commit_id: head }],
  });

describe('verbund audit --repo', () => {
  it('finds the evidence confirmed by GitHub’s reviews: exit 0, and the report no longer says offline only', async () => {
    const { root, head } = history();
    const fake = await start(onGithub(head));
    const run = await verbundAsync(root, TOKEN, 'audit', '--repo', 'musterverbund/governance', '--api-url', fake.url);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 Commits geprüft, 0 ohne gültigen Nachweis.\n');
    expect(run.stdout).not.toContain('Nur offline geprüft');
    expect(fake.requestsTo(/\/pulls\/1\/reviews$/)).toHaveLength(1);
  });

  it('a vote GitHub reports otherwise is a finding (exit 1); GitHub unreadable is exit 2, never an offline pass', async () => {
    const { root, head } = history();
    const fake = await start(onGithub(head, 'CHANGES_REQUESTED'));
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
