// Retries, rate limits and the token, against the fake GitHub.
import { describe, expect, it } from 'vitest';
import { createOctokit, RATE_LIMIT_RETRIES, SERVER_ERROR_RETRIES } from '../../src/github/client';
import { fetchSnapshot, GithubReadError } from '../../src/github/snapshot';
import { client, fakes, PULL, TOKEN } from './fixture';

const start = fakes();
const REVIEWS = /\/pulls\/42\/reviews$/;

describe('createOctokit', () => {
  it('retries a 5xx answer: twice 502, then 200 succeeds', async () => {
    const fake = await start();
    fake.serverError(REVIEWS, 2);
    const { octokit, log } = client(fake);
    const snapshot = await fetchSnapshot(octokit, PULL);
    expect(snapshot.reviews).toHaveLength(3);
    expect(fake.requestsTo(REVIEWS).map((r) => r.status)).toEqual([502, 502, 200]);
    expect(log.filter((line) => line.includes('HTTP 502'))).toHaveLength(2);
  });

  it(`gives up after ${SERVER_ERROR_RETRIES} retries with a German GithubReadError naming what could not be read`, async () => {
    const fake = await start();
    fake.serverError(REVIEWS, Infinity);
    const failure = fetchSnapshot(client(fake).octokit, PULL);
    await expect(failure).rejects.toThrow(GithubReadError);
    await expect(failure).rejects.toThrow('Die Reviews von Pull Request #42 konnten nicht gelesen werden (HTTP 502).');
    await expect(failure).rejects.toMatchObject({ status: 502 });
    expect(fake.requestsTo(REVIEWS)).toHaveLength(1 + SERVER_ERROR_RETRIES);
  });

  it('waits for the reset of the primary rate limit (403, x-ratelimit-remaining 0) and tries again', async () => {
    const fake = await start();
    fake.primaryRateLimit(REVIEWS, Math.floor(Date.now() / 1000) + 1);
    const { octokit, log } = client(fake);
    expect((await fetchSnapshot(octokit, PULL)).reviews).toHaveLength(3);
    expect(fake.requestsTo(REVIEWS).map((r) => r.status)).toEqual([403, 200]);
    expect(log).toContainEqual(expect.stringMatching(/Ratenlimit erreicht bei GET .*\/reviews\?per_page=100; warte [1-3] s und versuche es erneut\./));
  });

  it('waits the retry-after seconds of a secondary rate limit (429) in real time and tries again', async () => {
    const fake = await start();
    fake.secondaryRateLimit(REVIEWS, 1);
    const { octokit, log } = client(fake, 1000);
    const began = Date.now();
    expect((await fetchSnapshot(octokit, PULL)).reviews).toHaveLength(3);
    expect(Date.now() - began).toBeGreaterThanOrEqual(950);
    expect(fake.requestsTo(REVIEWS).map((r) => r.status)).toEqual([429, 200]);
    expect(log).toContainEqual(expect.stringContaining('sekundäres Ratenlimit erreicht bei GET'));
  });

  it('also waits on a secondary rate limit answered with 403', async () => {
    const fake = await start();
    fake.secondaryRateLimit(/\/teams\/plattform\/members$/, 2, 403);
    const snapshot = await fetchSnapshot(client(fake).octokit, PULL);
    expect(snapshot.teams['musterverbund/plattform']).toHaveLength(2);
  });

  it(`stops after ${RATE_LIMIT_RETRIES} waits: a team hidden behind a rate limit is an error, not a missing team`, async () => {
    const fake = await start();
    fake.secondaryRateLimit(/\/teams\/plattform\/members$/, 1);
    fake.secondaryRateLimit(/\/teams\/plattform\/members$/, 1);
    fake.secondaryRateLimit(/\/teams\/plattform\/members$/, 1);
    const failure = fetchSnapshot(client(fake).octokit, PULL);
    await expect(failure).rejects.toThrow('Die Mitglieder des Teams musterverbund/plattform konnten nicht gelesen werden (HTTP 429: Ratenlimit erreicht).');
    expect(fake.requestsTo(/\/teams\/plattform\/members$/)).toHaveLength(1 + RATE_LIMIT_RETRIES);
  });

  it('does not wait longer than maxWaitSeconds: a reset an hour away fails at once', async () => {
    const fake = await start();
    fake.primaryRateLimit(REVIEWS, Math.floor(Date.now() / 1000) + 3600);
    const log: string[] = [];
    const octokit = createOctokit({ token: TOKEN, apiUrl: fake.url, log: (line) => log.push(line) });
    const began = Date.now();
    await expect(fetchSnapshot(octokit, PULL)).rejects.toThrow(
      'Die Reviews von Pull Request #42 konnten nicht gelesen werden (HTTP 403: Ratenlimit erreicht).',
    );
    expect(Date.now() - began).toBeLessThan(1000);
    expect(log).toContainEqual(expect.stringMatching(/Wartezeit von 360\d s ist länger als 120 s/));
  });

  it('does not retry a refused token (401) and says so', async () => {
    const fake = await start();
    const octokit = createOctokit({ token: 'falsch', apiUrl: `${fake.url}/`, msPerSecond: 5 });
    await expect(fetchSnapshot(octokit, PULL)).rejects.toThrow(
      'Pull Request #42 in musterverbund/governance konnte nicht gelesen werden (HTTP 401: Token fehlt oder ist ungültig).',
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('retries when GitHub cannot be reached, then says that there was no answer', async () => {
    const fake = await start();
    const { octokit, log } = client(fake);
    await fake.close();
    const failure = fetchSnapshot(octokit, PULL);
    await expect(failure).rejects.toThrow(/^Pull Request #42 in musterverbund\/governance konnte nicht gelesen werden \(keine Antwort von GitHub: .+\)\.$/);
    await expect(failure).rejects.toMatchObject({ status: undefined });
    expect(log).toHaveLength(1 + SERVER_ERROR_RETRIES);
    expect(log[0]).toMatch(/^GitHub: GET http:\/\/127\.0\.0\.1:\d+\/repos\/musterverbund\/governance\/pulls\/42 → keine Antwort \(.+\)$/);
  });

  it('sends the token in the Authorization header and never writes it to the log', async () => {
    const fake = await start();
    fake.serverError(REVIEWS, 1);
    fake.secondaryRateLimit(/\/files$/, 1);
    fake.serverError(/\/teams\/plattform\/members$/, Infinity);
    const { octokit, log } = client(fake);
    const error = await fetchSnapshot(octokit, PULL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GithubReadError);
    expect(fake.requests.length).toBeGreaterThan(5);
    for (const request of fake.requests) expect(request.headers.authorization).toBe(`token ${TOKEN}`);
    expect(log.length).toBeGreaterThan(3);
    for (const line of [...log, (error as Error).message, (error as Error).stack ?? '']) expect(line).not.toContain(TOKEN);
  });
});
