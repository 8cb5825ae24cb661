import { describe, expect, it } from 'vitest';
import { fetchSnapshot, GithubReadError } from '../../src/github/snapshot';
import { AUTHOR, BASE, client, fakes, HEAD, HEAD_TREE, HVB, OLD, OLD_TREE, PULL, review, scenario } from './fixture';

const start = fakes();

describe('fetchSnapshot', () => {
  it('reads the pull request, its head tree, files, reviews, reviewed trees and teams', async () => {
    const fake = await start();
    const snapshot = await fetchSnapshot(client(fake).octokit, PULL);
    expect(snapshot).toEqual({
      repo: 'musterverbund/governance',
      pullRequest: 42,
      author: AUTHOR,
      body: 'Beschluss: HVB-Runde, 2026-11-20, Nr. 7',
      base: { sha: BASE },
      head: { sha: HEAD, tree: HEAD_TREE },
      files: ['governance/mitglieder/flecken-lindenau.yaml', 'policies/freigaberegeln.yaml'],
      createdOrDeleted: [],
      reviews: [
        { id: 1, user: HVB[0], state: 'APPROVED', submittedAt: '2026-11-30T09:01:00Z', commitId: HEAD },
        { id: 2, user: HVB[1], state: 'CHANGES_REQUESTED', submittedAt: '2026-11-30T09:02:00Z', commitId: HEAD },
        { id: 3, user: HVB[2], state: 'APPROVED', submittedAt: '2026-11-30T09:03:00Z', commitId: OLD },
      ],
      trees: { [HEAD]: HEAD_TREE, [OLD]: OLD_TREE },
      teams: {
        'musterverbund/plattform': [
          { id: 3001, login: 'ops-anna' },
          { id: 3002, login: 'ops-ben' },
        ],
      },
    });
    // The head commit is read once, though reviews were given on it.
    expect(fake.requestsTo(/git\/commits\/a{40}$/)).toHaveLength(1);
  });

  it('reads every page: 250 files (renames with both paths) and 230 reviews', async () => {
    const files = Array.from({ length: 250 }, (_, i) =>
      i % 50 === 0 ? { filename: `governance/neu-${i}.yaml`, previous_filename: `governance/alt-${i}.yaml` } : { filename: `governance/datei-${i}.yaml` },
    );
    const reviews = Array.from({ length: 230 }, (_, i) => review(i + 1, HVB[i % 3], { state: i % 2 ? 'COMMENTED' : 'APPROVED' }));
    const fake = await start(scenario({ files, reviews }));
    const snapshot = await fetchSnapshot(client(fake).octokit, PULL);
    expect(snapshot.files).toHaveLength(255);
    expect(snapshot.files).toContain('governance/alt-200.yaml');
    expect(snapshot.files).toContain('governance/neu-200.yaml');
    expect(snapshot.files).toContain('governance/datei-249.yaml');
    expect(snapshot.reviews.map((r) => r.id)).toEqual(reviews.map((r) => r.id));
    // GitHub's largest page, then the Link header's rel="next".
    expect(fake.requestsTo(/\/files$/).map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(fake.requestsTo(/\/reviews$/).map((r) => r.query.per_page)).toEqual(['100', '100', '100']);
  });

  it('reads all team members beyond one page', async () => {
    const members = Array.from({ length: 130 }, (_, i) => ({ id: 3000 + i, login: `ops-${i}` }));
    const fake = await start(scenario({ teams: { 'musterverbund/plattform': members } }));
    expect((await fetchSnapshot(client(fake).octokit, PULL)).teams['musterverbund/plattform']).toEqual(members);
  });

  it('leaves out reviews of deleted accounts and pending reviews; a review without commit keeps an empty one', async () => {
    const reviews = [review(1, null), review(2, HVB[0], { state: 'PENDING', submitted_at: undefined }), review(3, HVB[1], { commit_id: null })];
    const fake = await start(scenario({ reviews }));
    const snapshot = await fetchSnapshot(client(fake).octokit, PULL);
    expect(snapshot.reviews).toEqual([{ id: 3, user: HVB[1], state: 'APPROVED', submittedAt: '2026-11-30T09:03:00Z', commitId: '' }]);
  });

  it('leaves a reviewed commit that no longer exists (404) out of trees, so its approval does not count', async () => {
    const gone = '9'.repeat(40);
    const fake = await start(scenario({ reviews: [review(1, HVB[0], { commit_id: gone }), review(2, HVB[1])] }));
    const snapshot = await fetchSnapshot(client(fake).octokit, PULL);
    expect(snapshot.reviews.map((r) => r.commitId)).toEqual([gone, HEAD]);
    expect(snapshot.trees).toEqual({ [HEAD]: HEAD_TREE });
  });

  it('fails to read when a team does not exist (404) or the token may not read it (403): nothing can be decided without it', async () => {
    const fake = await start();
    fake.fail(/\/teams\/geheim\/members$/, {
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
    });
    const missing = fetchSnapshot(client(fake).octokit, { ...PULL, teams: ['musterverbund/plattform', 'musterverbund/fehlt'] });
    await expect(missing).rejects.toThrow(GithubReadError);
    await expect(missing).rejects.toThrow(
      'Die Mitglieder des Teams musterverbund/fehlt konnten nicht gelesen werden: das Team gibt es nicht oder ist für dieses Token unsichtbar (HTTP 404;',
    );
    const hidden = fetchSnapshot(client(fake).octokit, { ...PULL, teams: ['musterverbund/geheim'] });
    await expect(hidden).rejects.toThrow(
      'Die Mitglieder des Teams musterverbund/geheim konnten nicht gelesen werden: das Team darf dieses Token nicht lesen (HTTP 403;',
    );
    const snapshot = await fetchSnapshot(client(fake).octokit, { ...PULL, teams: ['musterverbund/plattform', 'ohne-slug'] });
    expect(Object.keys(snapshot.teams)).toEqual(['musterverbund/plattform']);
  });

  it('fails when GitHub lists fewer files than the pull request changes (GitHub stops at 3000)', async () => {
    const files = Array.from({ length: 3001 }, (_, i) => ({ filename: `governance/datei-${i}.yaml` }));
    const fake = await start(scenario({ files }));
    const failure = fetchSnapshot(client(fake).octokit, PULL);
    await expect(failure).rejects.toThrow(GithubReadError);
    await expect(failure).rejects.toThrow('Pull Request #42 ändert 3001 Dateien, GitHub hat aber nur 3000 davon geliefert');
  });

  it('says which pull request does not exist', async () => {
    const fake = await start();
    await expect(fetchSnapshot(client(fake).octokit, { ...PULL, pullNumber: 7 })).rejects.toThrow(
      'Pull Request #7 in musterverbund/governance konnte nicht gelesen werden (HTTP 404).',
    );
  });

  it('fails on a head commit that cannot be read', async () => {
    const fake = await start(scenario({ commits: {} }));
    await expect(fetchSnapshot(client(fake).octokit, PULL)).rejects.toThrow(
      'Der Head-Commit aaaaaaa von Pull Request #42 konnte nicht gelesen werden (HTTP 404).',
    );
  });
});
