// verbund approvals --repo --pr --post against the fake GitHub (answers checked against GitHub's
// OpenAPI description): the pull request is read from GitHub, the rules from the base commit
// in git, and the result becomes the check run "HVB-Freigabe" - never a success after an error.
import { describe, expect, it } from 'vitest';
import { fakes, review, scenario, TOKEN } from '../github/fixture';
import { temporaryRoots } from '../support/cli';
import { baseCheckout as checkout, verbundAsync as runAsync } from '../support/git-repo';
import { HVB } from './scenario';

const roots = temporaryRoots();
const start = fakes();
const verbundAsync = (root: string, ...args: string[]) => runAsync(root, TOKEN, ...args);
const baseCheckout = () => checkout(roots);

const EVERY_HVB = Object.values(HVB).map((user, i) => review(i + 1, user));

/** A pull request changing the Leitlinie on the base commit `base`, with these reviews. */
const leitlinieChange = (base: string, reviews = EVERY_HVB) =>
  scenario({
    pull: { number: 42, author: { id: 9000, login: 'referentin-digital' }, body: '', baseSha: base, headSha: 'a'.repeat(40) },
    files: [{ filename: 'governance/leitlinie/leitlinie.yaml' }],
    reviews,
  });

describe('verbund approvals --repo --pr', () => {
  it('all HVB approved a Leitlinie change: exit 0, and the check run "HVB-Freigabe" says success with the table', async () => {
    const { root, base } = baseCheckout();
    const fake = await start(leitlinieChange(base));
    const run = await verbundAsync(root, 'approvals', '--repo', 'musterverbund/governance', '--pr', '42', '--api-url', fake.url, '--post', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, base: { sha: base }, head: { sha: 'a'.repeat(40), tree: 'e'.repeat(40) } });
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({ name: 'HVB-Freigabe', head_sha: 'a'.repeat(40), status: 'completed', conclusion: 'success' });
    expect(String(fake.checkRuns[0]!.output?.summary)).toContain('| leitlinie | 1 | alle HVB \\(6 Mitglieder, einstimmig\\) | 6 |');
  });

  it('one HVB missing: exit 1 and a failing check run naming the member', async () => {
    const { root, base } = baseCheckout();
    const fake = await start(leitlinieChange(base, EVERY_HVB.slice(1)));
    const run = await verbundAsync(root, 'approvals', '--repo', 'musterverbund/governance', '--pr', '42', '--api-url', fake.url, '--post');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  fehlt: Flecken Lindenau (av-lindenau, bm-lindenau)\n');
    expect(fake.checkRuns[0]).toMatchObject({ conclusion: 'failure' });
  });

  it('an error after an earlier success turns the check into a failure ("nicht prüfbar"), never leaving the success standing', async () => {
    const { root, base } = baseCheckout();
    const fake = await start(leitlinieChange(base));
    const args = ['approvals', '--repo', 'musterverbund/governance', '--pr', '42', '--api-url', fake.url, '--post', '--head-sha', 'a'.repeat(40)];
    expect((await verbundAsync(root, ...args)).code).toBe(0);
    expect(fake.checkRuns.map((r) => r.conclusion)).toEqual(['success']);
    fake.fail(/\/pulls\/42\/reviews$/, { status: 403, body: { message: 'Resource not accessible by integration' } }, 10);
    const failed = await verbundAsync(root, ...args);
    expect(failed.code).toBe(2);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({ conclusion: 'failure', output: { title: 'HVB-Freigabe: nicht prüfbar' } });
  });

  it('GitHub cannot be read and no head commit is known: exit 2, and no check run at all', async () => {
    const { root, base } = baseCheckout();
    const fake = await start(
      scenario({ pull: { number: 42, author: { id: 9000, login: 'referentin-digital' }, body: '', baseSha: base, headSha: 'a'.repeat(40) } }),
    );
    fake.fail(/\/pulls\/42\/reviews$/, { status: 403, body: { message: 'Resource not accessible by integration' } }, 10);
    const run = await verbundAsync(root, 'approvals', '--repo', 'musterverbund/governance', '--pr', '42', '--api-url', fake.url, '--post');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/nichts ist freigegeben\.\n$/);
    expect(fake.checkRuns).toEqual([]);
  });
});
