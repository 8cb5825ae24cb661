// Every scenario of the approval issue end to end, on the example Verbund: the pull request
// lives on the local fake GitHub (its answers validated against GitHub's OpenAPI description),
// the client reads it (all pages), and the decision is taken on the base governance.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/approvals/evaluate';
import type { Review } from '../../src/approvals/snapshot';
import { fetchSnapshot } from '../../src/github/snapshot';
import { client, fakes, TOKEN } from '../github/fixture';
import type { FakeUser } from '../support/fake-github';
import { AUTHOR, DEPUTY, HEAD, HVB, NOW, OLD, REBASED, governanceOf, review } from './scenario';

const governance = governanceOf();
const start = fakes();
const LEITLINIE = 'governance/leitlinie/leitlinie.yaml';
const MEMBER = 'governance/mitglieder/stadt-musterstadt.yaml';
const hvb = HVB['stadt-musterstadt']!;
const deputy = DEPUTY['stadt-musterstadt']!;
const others = () =>
  Object.values(HVB)
    .filter((u) => u.id !== hvb.id)
    .map((u) => review(u));

interface Case {
  name: string;
  files: string[];
  reviews: () => Review[];
  author?: FakeUser;
  body?: string;
  ok: boolean;
}

const CASES: Case[] = [
  { name: 'all HVB approve', files: [LEITLINIE], reviews: () => [...others(), review(hvb)], ok: true },
  { name: 'one HVB missing', files: [LEITLINIE], reviews: others, ok: false },
  { name: 'approval on an older commit with a different tree', files: [MEMBER], reviews: () => [review(hvb, { commitId: OLD.sha })], ok: false },
  { name: 'approval on a rebased commit with the same tree', files: [MEMBER], reviews: () => [review(hvb, { commitId: REBASED.sha })], ok: true },
  { name: 'the author approves their own pull request', files: [MEMBER], reviews: () => [review(AUTHOR)], ok: false },
  { name: 'someone who is no HVB approves', files: [MEMBER], reviews: () => [review({ id: 4711, login: 'irgendwer' })], ok: false },
  { name: 'the deputy within the delegation', files: [MEMBER], reviews: () => [review(deputy)], ok: true },
  { name: 'the deputy on the day after bis', files: [MEMBER], reviews: () => [review(deputy, { submittedAt: '2028-01-01T08:00:00Z' })], ok: false },
  { name: 'the deputy before von', files: [MEMBER], reviews: () => [review(deputy, { submittedAt: '2025-12-31T08:00:00Z' })], ok: false },
  {
    name: 'HVB requests changes, deputy approves: the HVB decides',
    files: [MEMBER],
    reviews: () => [review(hvb, { state: 'CHANGES_REQUESTED' }), review(deputy)],
    ok: false,
  },
  {
    name: 'approval, then changes requested',
    files: [MEMBER],
    reviews: () => [review(hvb, { submittedAt: '2026-11-30T08:00:00Z' }), review(hvb, { state: 'CHANGES_REQUESTED' })],
    ok: false,
  },
  {
    name: 'approval, then dismissed',
    files: [MEMBER],
    reviews: () => [review(hvb, { submittedAt: '2026-11-30T08:00:00Z' }), review(hvb, { state: 'DISMISSED' })],
    ok: false,
  },
  { name: 'the login in other case', files: [MEMBER], reviews: () => [review({ id: hvb.id, login: 'BM-MUSTERSTADT' })], ok: true },
  { name: 'the login renamed, same id', files: [MEMBER], reviews: () => [review({ id: hvb.id, login: 'neu-musterstadt' })], ok: true },
  { name: 'a cost key without its resolution', files: ['governance/kostenschluessel/schluessel.yaml'], reviews: () => [...others(), review(hvb)], ok: false },
  {
    name: 'a cost key with its resolution',
    files: ['governance/kostenschluessel/schluessel.yaml'],
    reviews: () => [...others(), review(hvb)],
    body: 'Beschluss: HVB-Runde; 2026-11-20; 7/2026',
    ok: true,
  },
];

describe('approval scenarios through the fake GitHub', () => {
  for (const c of CASES) {
    it(`${c.name} → ${c.ok ? 'freigegeben' : 'nicht freigegeben'}`, async () => {
      const fake = await start({
        owner: 'musterverbund',
        repo: 'governance',
        token: TOKEN,
        pull: { number: 42, author: c.author ?? AUTHOR, body: c.body ?? '', baseSha: 'f'.repeat(40), headSha: HEAD.sha },
        files: c.files.map((filename) => ({ filename })),
        reviews: c.reviews().map((r) => ({ id: r.id, user: r.user, state: r.state, submitted_at: r.submittedAt, commit_id: r.commitId })),
        commits: { [HEAD.sha]: HEAD.tree, [OLD.sha]: OLD.tree, [REBASED.sha]: REBASED.tree },
        teams: {},
      });
      const snapshot = await fetchSnapshot(client(fake).octokit, { owner: 'musterverbund', repo: 'governance', pullNumber: 42, teams: [] });
      expect(evaluate(snapshot, governance, NOW).ok).toBe(c.ok);
    });
  }

  it('deleting a member’s file through the fake GitHub needs more than that member’s HVB', async () => {
    const fake = await start({
      owner: 'musterverbund',
      repo: 'governance',
      token: TOKEN,
      pull: { number: 42, author: AUTHOR, body: '', baseSha: 'f'.repeat(40), headSha: HEAD.sha },
      files: [{ filename: MEMBER, status: 'removed' }],
      reviews: [review(hvb)].map((r) => ({ id: r.id, user: r.user, state: r.state, submitted_at: r.submittedAt, commit_id: r.commitId })),
      commits: { [HEAD.sha]: HEAD.tree },
      teams: {},
    });
    const snapshot = await fetchSnapshot(client(fake).octokit, { owner: 'musterverbund', repo: 'governance', pullNumber: 42, teams: [] });
    expect(snapshot.createdOrDeleted).toEqual([MEMBER]);
    expect(evaluate(snapshot, governance, NOW).ok).toBe(false);
  });

  it('more than 100 files and more than 100 reviews: every page read, every vote counted once', async () => {
    const reviews = [...Array.from({ length: 150 }, (_, i) => review({ id: 6000 + i, login: `leser-${i}` }, { state: 'COMMENTED' })), ...others(), review(hvb)];
    const fake = await start({
      owner: 'musterverbund',
      repo: 'governance',
      token: TOKEN,
      pull: { number: 42, author: AUTHOR, body: '', baseSha: 'f'.repeat(40), headSha: HEAD.sha },
      files: Array.from({ length: 250 }, (_, i) => ({ filename: `governance/ziele/9.${i}-ziel.yaml` })),
      reviews: reviews.map((r) => ({ id: r.id, user: r.user, state: r.state, submitted_at: r.submittedAt, commit_id: r.commitId })),
      commits: { [HEAD.sha]: HEAD.tree },
      teams: {},
    });
    const snapshot = await fetchSnapshot(client(fake).octokit, { owner: 'musterverbund', repo: 'governance', pullNumber: 42, teams: [] });
    expect(snapshot.files).toHaveLength(250);
    expect(snapshot.reviews).toHaveLength(156);
    const decision = evaluate(snapshot, governance, NOW);
    expect(decision.ok).toBe(true);
    expect(decision.requirements).toEqual([expect.objectContaining({ kind: 'alle-hvb', needed: 6, approved: 6 })]);
  });
});
