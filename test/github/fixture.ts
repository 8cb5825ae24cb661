// A pull request on the fake GitHub, and clients for it that wait milliseconds where GitHub
// asks for seconds (msPerSecond), so that retries and rate limits keep the tests fast.
import { afterEach, expect } from 'vitest';
import { createOctokit, type Octokit } from '../../src/github/client';
import { FakeGithub, type FakeScenario, type FakeUser, type ReviewFacts } from '../support/fake-github';

export const TOKEN = 'ghs_geheimesTestToken0123456789abcdef';
export const AUTHOR: FakeUser = { id: 9000, login: 'referentin-digital' };
export const HVB: FakeUser[] = [
  { id: 1001, login: 'bm-lindenau' },
  { id: 1002, login: 'bm-birkenfelde' },
  { id: 1003, login: 'bm-eichwalde' },
];
export const HEAD = 'a'.repeat(40);
export const HEAD_TREE = 'e'.repeat(40);
export const BASE = 'b'.repeat(40);
export const OLD = 'c'.repeat(40);
export const OLD_TREE = 'd'.repeat(40);

export function scenario(over: Partial<FakeScenario> = {}): FakeScenario {
  return {
    owner: 'musterverbund',
    repo: 'governance',
    token: TOKEN,
    pull: { number: 42, author: AUTHOR, body: 'Beschluss: HVB-Runde, 2026-11-20, Nr. 7', baseSha: BASE, headSha: HEAD },
    files: [{ filename: 'governance/mitglieder/flecken-lindenau.yaml' }, { filename: 'policies/freigaberegeln.yaml' }],
    reviews: [review(1, HVB[0]), review(2, HVB[1], { state: 'CHANGES_REQUESTED' }), review(3, HVB[2], { commit_id: OLD })],
    commits: { [HEAD]: HEAD_TREE, [OLD]: OLD_TREE },
    teams: {
      'musterverbund/plattform': [
        { id: 3001, login: 'ops-anna' },
        { id: 3002, login: 'ops-ben' },
      ],
    },
    ...over,
  };
}

export function review(id: number, user: FakeUser | null, over: Partial<ReviewFacts> = {}): ReviewFacts {
  const minute = String(id % 60).padStart(2, '0');
  return { id, user, state: 'APPROVED', submitted_at: `2026-11-30T09:${minute}:00Z`, commit_id: HEAD, ...over };
}

/** Fakes started in a test are closed after it, and none may have sent an answer GitHub would not. */
export function fakes(): (s?: FakeScenario) => Promise<FakeGithub> {
  const started: FakeGithub[] = [];
  afterEach(async () => {
    const errors = started.flatMap((fake) => fake.schemaErrors);
    await Promise.all(started.splice(0).map((fake) => fake.close()));
    expect(errors).toEqual([]);
  });
  return async (s = scenario()) => {
    const fake = await FakeGithub.start(s);
    started.push(fake);
    return fake;
  };
}

/** A client of the fake whose log lines are kept; one "second" of waiting lasts `msPerSecond` ms. */
export function client(fake: FakeGithub, msPerSecond = 5): { octokit: Octokit; log: string[] } {
  const log: string[] = [];
  const octokit = createOctokit({ token: TOKEN, apiUrl: fake.url, log: (line) => log.push(line), msPerSecond });
  return { octokit, log };
}

export const PULL = { owner: 'musterverbund', repo: 'governance', pullNumber: 42, teams: ['musterverbund/plattform'] };
