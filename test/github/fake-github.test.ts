// The fake GitHub answers as GitHub's OpenAPI description says GitHub does, and the check that
// holds it to that can fail.
import { describe, expect, it } from 'vitest';
import { checkRunObject } from '../support/fake-github-checks';
import { pullRequestObject, reviewObject, userObject } from '../support/fake-github-objects';
import { responseErrors, successStatuses } from '../support/openapi';
import { AUTHOR, fakes, HEAD, HVB, review, scenario, TOKEN } from './fixture';

const start = fakes();
const URLS = { api: 'http://127.0.0.1:1', web: 'https://github.com' };
const REVIEWS = '/repos/{owner}/{repo}/pulls/{pull_number}/reviews';

describe('the fake GitHub', () => {
  it('answers every endpoint the check uses as GitHub documents it', async () => {
    const fake = await start();
    const get = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(fake.url + path, { ...init, headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' } });
      return { status: response.status, link: response.headers.get('link'), body: (await response.json()) as { id: number; total_count: number } & unknown[] };
    };
    const repo = '/repos/musterverbund/governance';
    expect((await get(`${repo}/pulls/42`)).status).toBe(200);
    expect((await get(`${repo}/pulls/42/files?per_page=1`)).link).toContain('rel="next"');
    expect((await get(`${repo}/pulls/42/reviews`)).body).toHaveLength(3);
    expect((await get(`${repo}/git/commits/${HEAD}`)).status).toBe(200);
    expect((await get('/orgs/musterverbund/teams/plattform/members')).status).toBe(200);
    const created = await get(`${repo}/check-runs`, { method: 'POST', body: JSON.stringify({ name: 'HVB-Freigabe', head_sha: HEAD, conclusion: 'failure' }) });
    expect(created.status).toBe(201);
    const patch = { method: 'PATCH', body: JSON.stringify({ conclusion: 'success', output: { title: 'T', summary: 'S' } }) };
    expect((await get(`${repo}/check-runs/${created.body.id}`, patch)).status).toBe(200);
    expect((await get(`${repo}/commits/${HEAD}/check-runs?check_name=HVB-Freigabe`)).body.total_count).toBe(1);
    // 8 answers, each checked against its operation's response schema (afterEach: no errors).
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 201, 200, 200]);
    expect(fake.schemaErrors).toEqual([]);
  });

  it('refuses a request without the token, like GitHub', async () => {
    const fake = await start();
    expect((await fetch(`${fake.url}/repos/musterverbund/governance/pulls/42`)).status).toBe(401);
  });

  it('knows which statuses GitHub documents with a JSON body', () => {
    expect(successStatuses('POST', '/repos/{owner}/{repo}/check-runs')).toEqual([201]);
    expect(successStatuses('GET', REVIEWS)).toEqual([200]);
  });
});

describe('the OpenAPI check of the fake', () => {
  const valid = reviewObject(review(1, HVB[0]), { owner: 'o', repo: 'r', number: 42 }, URLS);

  it('accepts what GitHub would send', () => {
    expect(responseErrors('GET', REVIEWS, 200, [valid])).toEqual([]);
    expect(responseErrors('GET', REVIEWS, 200, [reviewObject(review(2, null, { commit_id: null }), { owner: 'o', repo: 'r', number: 42 }, URLS)])).toEqual([]);
  });

  it('rejects a review without id', () => {
    const { id: _id, ...withoutId } = valid;
    expect(responseErrors('GET', REVIEWS, 200, [withoutId])).toEqual([`GET ${REVIEWS} 200: /0 must have required property 'id'`]);
  });

  it('rejects a wrong type, a value outside an enum, a bad date and null where GitHub never sends one', () => {
    const pull = pullRequestObject(
      { owner: 'o', repo: 'r', number: 42, author: AUTHOR, title: 'T', body: null, baseSha: 'b', headSha: 'h', changedFiles: 1 },
      URLS,
    );
    const errors = (body: object) => responseErrors('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', 200, body);
    expect(errors(pull)).toEqual([]);
    expect(errors({ ...pull, number: '42' })).toEqual([expect.stringContaining('/number must be integer')]);
    expect(errors({ ...pull, state: 'offen' })).toEqual([expect.stringContaining('/state must be equal to one of the allowed values')]);
    expect(errors({ ...pull, created_at: '30.11.2026' })).toEqual([expect.stringContaining('/created_at must match format "date-time"')]);
    expect(errors({ ...pull, user: null })).not.toEqual([]);
    expect(errors({ ...pull, user: { ...userObject(AUTHOR, URLS), node_id: undefined } })).toEqual([
      expect.stringContaining("/user must have required property 'node_id'"),
    ]);
  });

  it('checks nested objects of the check run (the app that made it)', () => {
    const run = checkRunObject(
      {
        id: 1,
        name: 'HVB-Freigabe',
        head_sha: HEAD,
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-11-30T08:00:00Z',
        completed_at: null,
        output: { title: null, summary: null, text: null },
      },
      'o',
      'r',
      URLS,
    );
    expect(responseErrors('POST', '/repos/{owner}/{repo}/check-runs', 201, run)).toEqual([]);
    const app = { ...(run.app as object), events: undefined };
    expect(responseErrors('POST', '/repos/{owner}/{repo}/check-runs', 201, { ...run, app })).toEqual([
      expect.stringContaining("/app must have required property 'events'"),
    ]);
  });

  it('marks an answer of the fake that does not match', async () => {
    const fake = await start(scenario({ reviews: [{ ...review(1, HVB[0]), state: 'APPROVED', commit_id: HEAD }] }));
    // A pull request number GitHub would never send as text: the fake is made to break its own answer.
    fake.scenario.pull.title = 42 as unknown as string;
    await fetch(`${fake.url}/repos/musterverbund/governance/pulls/42`, { headers: { authorization: `token ${TOKEN}` } });
    expect(fake.schemaErrors).toEqual([expect.stringContaining('/title must be string')]);
    fake.schemaErrors.length = 0; // seen; the afterEach check is for the other tests
  });
});
