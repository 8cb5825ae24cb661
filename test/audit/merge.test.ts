// verbund merge against the fake GitHub (answers checked against GitHub's OpenAPI description):
// it re-decides the approval on the base commit read from git and merges only an approved,
// up-to-date pull request, pinned to the approved head, with the decision record as trailers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvidence } from '../../src/audit/read-evidence';
import { fakes, review, scenario, TOKEN } from '../github/fixture';
import type { CheckRunFacts } from '../support/fake-github';
import { HVB } from '../approvals/scenario';
import { temporaryRoots } from '../support/cli';
import { baseCheckout, GIT_ENV, verbundAsync } from '../support/git-repo';

const roots = temporaryRoots();
const start = fakes();
const EVERY_HVB = Object.values(HVB).map((user, i) => review(i + 1, user));
const HEAD = 'a'.repeat(40);

/** The run of the pull-request workflow's job "Prüfung" on a commit. */
const passed = (sha: string, conclusion: 'success' | 'failure' | null = 'success'): CheckRunFacts => ({
  id: 7,
  name: 'Prüfung',
  head_sha: sha,
  status: conclusion === null ? 'in_progress' : 'completed',
  conclusion,
  started_at: '2026-11-29T15:00:00Z',
  completed_at: conclusion === null ? null : '2026-11-29T15:05:00Z',
  output: { title: null, summary: null, text: null },
});

const leitlinieChange = (base: string, over: Parameters<typeof scenario>[0] = {}) =>
  scenario({
    pull: { number: 42, author: { id: 9000, login: 'referentin-digital' }, title: 'Leitlinie 1.2', body: '', baseSha: base, headSha: HEAD },
    files: [{ filename: 'governance/leitlinie/leitlinie.yaml' }],
    reviews: EVERY_HVB,
    checkRuns: [passed(HEAD)],
    ...over,
  });
const merge = (root: string, url: string, ...more: string[]) =>
  verbundAsync(root, TOKEN, 'merge', '--repo', 'musterverbund/governance', '--pr', '42', '--api-url', url, ...more);

describe('verbund merge', () => {
  it('merges an approved pull request at its approved head, with the decision record as git trailers', async () => {
    const { root, base } = baseCheckout(roots);
    const fake = await start(leitlinieChange(base));
    const run = await merge(root, fake.url);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Gemergt als ${'f'.repeat(40)}, mit dem Nachweis der Freigabe im Commit.\n`);
    expect(fake.merges).toHaveLength(1);
    expect(fake.requestsTo(/^GET \/repos\/musterverbund\/governance\/compare\//).map((r) => r.path)).toEqual([
      `/repos/musterverbund/governance/compare/${base}...${HEAD}`,
    ]);
    const request = fake.merges[0] as { sha: string; merge_method: string; commit_title: string; commit_message: string };
    expect(request).toMatchObject({ sha: HEAD, merge_method: 'merge', commit_title: 'Leitlinie 1.2 (#42)' });
    const parsed = spawnSync('git', ['interpret-trailers', '--parse'], { input: `Titel\n\n${request.commit_message}`, encoding: 'utf8' }).stdout;
    expect(parsed).toBe(request.commit_message);
    const evidence = parseEvidence(`${request.commit_title}\n\n${request.commit_message}`);
    expect(evidence).toMatchObject({
      evidence: {
        repo: 'musterverbund/governance',
        pullRequest: 42,
        author: { id: 9000, login: 'referentin-digital' },
        base,
        head: HEAD,
        headTree: 'e'.repeat(40),
        rules: ['leitlinie'],
      },
    });
    const votes = 'evidence' in evidence! ? evidence.evidence.votes : [];
    expect(votes.map((v) => `${v.member} ${v.login} ${v.role} ${v.reviewId}`)).toEqual(
      Object.entries(HVB)
        .map(([member, user], i) => `${member} ${user.login} hvb ${i + 1}`)
        .sort(),
    );
  });

  it('does not merge when an HVB is missing, when the base branch has moved on, when the head lacks commits of the base branch, when the check “Prüfung” has not passed on the head, or with an unknown method', async () => {
    const { root, base } = baseCheckout(roots);
    const missing = await start(leitlinieChange(base, { reviews: EVERY_HVB.slice(1) }));
    const run = await merge(root, missing.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('verbund: Pull Request #42 ist nicht freigegeben; nicht gemergt.\n');
    expect(missing.merges).toEqual([]);
    const moved = await start(leitlinieChange(base, { branches: { main: 'c'.repeat(40) } }));
    const stale = await merge(root, moved.url);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Der Zweig „main“ steht auf cccccccccccc, der Pull Request beruht auf');
    expect(moved.merges).toEqual([]);
    for (const [runs, outcome] of [
      [[], 'fehlt'],
      [[passed(HEAD, 'failure')], 'failure'],
      [[passed(HEAD, null)], 'läuft noch'],
    ] as const) {
      const unchecked = await start(leitlinieChange(base, { checkRuns: [...runs] }));
      const refused = await merge(root, unchecked.url);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `verbund: Die Prüfung „Prüfung“ ist für den Kopf-Commit aaaaaaaaaaaa nicht erfolgreich (${outcome}): erst wenn verbund check im Pull Request besteht, wird gemergt. Nicht gemergt.\n`,
      );
      expect(unchecked.merges).toEqual([]);
    }
    const behind = await start(leitlinieChange(base, { behindBy: 2 }));
    const outdated = await merge(root, behind.url);
    expect(outdated.code).toBe(1);
    expect(outdated.stderr).toBe(
      `verbund: Der freigegebene Stand aaaaaaaaaaaa enthält 2 Commit(s) von „main“ (${base.slice(0, 12)}) nicht: bitte den Pull Request aktualisieren und neu freigeben lassen. Nicht gemergt.\n`,
    );
    expect(behind.merges).toEqual([]);
    expect(behind.schemaErrors).toEqual([]);
    expect((await merge(root, moved.url, '--methode', 'rebase')).stderr).toContain('Unbekannte Merge-Art „rebase“. Erlaubt sind: merge, squash.');
  });

  it('refuses, without merging, a decision whose record git trailers cannot carry (a basis file name with a blank)', async () => {
    const { root } = baseCheckout(roots);
    const body = fs.readFileSync(path.join(root, 'governance/gremien/ag-onlinedienste.yaml'), 'utf8');
    fs.writeFileSync(
      path.join(root, 'governance/gremien/ag online.yaml'),
      body.replace(/^id: .*$/m, 'id: ag-online').replace(/^name: .*$/m, 'name: AG Online'),
    );
    const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env: GIT_ENV }).stdout.trim();
    git('add', '-A');
    git('commit', '-q', '-m', 'Gremium mit Leerzeichen im Dateinamen');
    const fake = await start(leitlinieChange(git('rev-parse', 'HEAD')));
    const run = await merge(root, fake.url);
    expect(run.stderr).toBe(
      'verbund: Der Nachweis lässt sich nicht als Git-Trailer schreiben: "governance/gremien/ag online.yaml" enthält Leer- oder Steuerzeichen (etwa ein Dateiname mit Leerzeichen). Nicht gemergt.\n',
    );
    expect(run.code).toBe(1);
    expect(fake.merges).toEqual([]);
  });

  it('GitHub refusing the merge (a push after the approvals, conflicts) is exit 1 with the reason', async () => {
    const { root, base } = baseCheckout(roots);
    const fake = await start(leitlinieChange(base));
    fake.fail(/^PUT .*\/merge$/, { status: 409, body: { message: 'Head branch was modified. Review and try the merge again.' } });
    const pushed = await merge(root, fake.url);
    expect(pushed.code).toBe(1);
    // The client logs the refused request; the last line says why in German.
    expect(pushed.stderr.split('\n').at(-2)).toBe(
      'verbund: Pull Request #42 wurde nicht gemergt (HTTP 409: der Pull Request hat inzwischen einen neuen Commit; die Freigaben galten dem alten).',
    );
    const blocked = await start(leitlinieChange(base, { mergeable: false }));
    const refused = await merge(root, blocked.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HTTP 405: GitHub lässt den Merge nicht zu');
  });
});
