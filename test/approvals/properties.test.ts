// Approvals are monotone: adding an approval never turns a pass into a fail, and removing one
// never turns a fail into a pass - whatever else reviewers said, in whatever order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/approvals/evaluate';
import type { Review, ReviewState } from '../../src/approvals/snapshot';
import { AUTHOR, DEPUTY, HEAD, HVB, NOW, OLD, governanceOf, snapshot } from './scenario';

const governance = governanceOf();
const PEOPLE = [
  ...Object.values(HVB),
  ...Object.values(DEPUTY),
  AUTHOR,
  { id: 3001, login: 'ops-anna' },
  { id: 3002, login: 'ops-ben' },
  { id: 77, login: 'fremd' },
];
const FILES = [
  'governance/leitlinie/leitlinie.yaml',
  'governance/mitglieder/stadt-musterstadt.yaml',
  'governance/gremien/hvb-runde.yaml',
  'policies/freigaberegeln.yaml',
  'README.md',
];
const STATES: ReviewState[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED'];

/** Reviews before the last push are on the old commit; after it, on the head or (when asked) still the old one. */
const reviewArb = fc.record({
  person: fc.nat(PEOPLE.length - 1),
  state: fc.constantFrom(...STATES),
  minute: fc.integer({ min: 0, max: 600 }),
  // Reviews of an older commit can come at any time (GitHub lets a reviewer pick the commit).
  old: fc.boolean(),
});
const toReview = (r: { person: number; state: ReviewState; minute: number; old?: boolean }, id: number): Review => ({
  id,
  user: PEOPLE[r.person]!,
  state: r.state,
  submittedAt: new Date(Date.UTC(2026, 10, 30, 0, r.minute)).toISOString(),
  commitId: r.minute < 300 || r.old ? OLD.sha : HEAD.sha,
});
const filesArb = fc.subarray(FILES, { minLength: 1 });
const ok = (files: string[], reviews: Review[]) => evaluate(snapshot(files, reviews), governance, NOW).ok;

describe('approval decisions are monotone', () => {
  it('adding an approval on the head never turns a pass into a fail', () => {
    fc.assert(
      fc.property(
        filesArb,
        fc.array(reviewArb, { maxLength: 20 }),
        fc.nat(PEOPLE.length - 1),
        fc.integer({ min: 300, max: 600 }),
        (files, raw, person, minute) => {
          const reviews = raw.map(toReview);
          const added = toReview({ person, state: 'APPROVED', minute }, reviews.length + 1);
          if (ok(files, reviews)) expect(ok(files, [...reviews, added])).toBe(true);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });

  it('removing an approval never turns a fail into a pass', () => {
    fc.assert(
      fc.property(filesArb, fc.array(reviewArb, { minLength: 1, maxLength: 20 }), fc.nat(), (files, raw, pick) => {
        const reviews = raw.map(toReview);
        const approvals = reviews.filter((r) => r.state === 'APPROVED');
        if (approvals.length === 0) return;
        const removed = approvals[pick % approvals.length]!;
        if (!ok(files, reviews))
          expect(
            ok(
              files,
              reviews.filter((r) => r !== removed),
            ),
          ).toBe(false);
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
