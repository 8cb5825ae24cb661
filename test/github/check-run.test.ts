import { describe, expect, it } from 'vitest';
import { CHECK_NAME, OUTPUT_LIMIT, postCheckRun, truncate } from '../../src/github/check-run';
import { GithubWriteError } from '../../src/github/errors';
import { client, fakes, HEAD } from './fixture';

const start = fakes();
const RUN = { owner: 'musterverbund', repo: 'governance', headSha: HEAD };

describe('postCheckRun', () => {
  it('creates the check run "HVB-Freigabe" once and updates it on the next post', async () => {
    const fake = await start();
    const first = await postCheckRun(client(fake).octokit, { ...RUN, conclusion: 'failure', title: 'Freigabe fehlt', summary: '| Regel | fehlt |' });
    expect(first).toMatchObject({ created: true });
    const second = await postCheckRun(client(fake).octokit, { ...RUN, conclusion: 'success', title: 'Freigegeben', summary: 'alle HVB', text: 'Details' });
    expect(second).toEqual({ id: first.id, url: expect.any(String), created: false });
    expect(fake.checkRuns).toEqual([
      {
        id: first.id,
        name: CHECK_NAME,
        head_sha: HEAD,
        status: 'completed',
        conclusion: 'success',
        started_at: expect.any(String),
        completed_at: expect.any(String),
        output: { title: 'Freigegeben', summary: 'alle HVB', text: 'Details' },
      },
    ]);
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 201', 'GET 200', 'PATCH 200']);
    expect(fake.requests[0].query).toMatchObject({ check_name: CHECK_NAME });
    expect(fake.requests[3].body).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('leaves check runs of other names and other commits alone', async () => {
    const other = { status: 'completed' as const, conclusion: 'success' as const, started_at: '2026-11-30T08:00:00Z', completed_at: null };
    const output = { title: null, summary: null, text: null };
    const fake = await start();
    fake.checkRuns.push(
      { id: 1, name: 'verbund check', head_sha: HEAD, output, ...other },
      { id: 2, name: CHECK_NAME, head_sha: 'f'.repeat(40), output, ...other },
    );
    const posted = await postCheckRun(client(fake).octokit, { ...RUN, conclusion: 'failure', title: 'Freigabe fehlt', summary: '-' });
    expect(posted.created).toBe(true);
    expect(fake.checkRuns.map((r) => [r.id, r.conclusion])).toEqual([
      [1, 'success'],
      [2, 'success'],
      [posted.id, 'failure'],
    ]);
  });

  it("keeps a long summary and text within GitHub's limit and says that it was cut", async () => {
    const fake = await start();
    const summary = '| Regel | Pfad | fehlt: Bürgermeisterin |\n'.repeat(3000);
    await postCheckRun(client(fake).octokit, { ...RUN, conclusion: 'failure', title: 'Freigabe fehlt', summary, text: 'ü'.repeat(70000) });
    const { output } = fake.checkRuns[0];
    expect(Buffer.byteLength(output.summary!)).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(output.summary).toMatch(/^\| Regel \| Pfad/);
    expect(output.summary).toMatch(/… \(gekürzt: GitHub zeigt höchstens 65535 Zeichen; .*\)$/);
    expect(output.text!.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
  });

  it('reports a check run that cannot be written as GithubWriteError', async () => {
    const fake = await start();
    fake.fail(/^POST .*\/check-runs$/, {
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
    });
    await expect(postCheckRun(client(fake).octokit, { ...RUN, conclusion: 'success', title: 'T', summary: 'S' })).rejects.toThrow(
      new GithubWriteError('Der Check-Run „HVB-Freigabe“ konnte nicht angelegt werden (HTTP 403: keine Berechtigung).', 403),
    );
  });
});

describe('truncate', () => {
  it('leaves short text as it is and never splits a character', () => {
    expect(truncate('kurz', 10)).toBe('kurz');
    const cut = truncate('€'.repeat(100), 200);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(200);
    expect(cut).not.toContain('\uFFFD');
    expect(cut.startsWith('€'.repeat(5))).toBe(true);
  });
});
