import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocateInOrder, AllocationError, select } from './allocate';

const cents = (shares: { member: string; cents: bigint }[]) => Object.fromEntries(shares.map((s) => [s.member, Number(s.cents)]));

// Property runs of 10⁴ cases take seconds on a loaded CI machine: a timeout for the work, not for a hang.
describe('allocate (largest remainder, exact cents)', { timeout: 60_000 }, () => {
  it('splits 100,00 € by 1:1:1 into 33,34 + 33,33 + 33,33, the extra cent to the first id', () => {
    expect(
      cents(
        allocate(10000n, [
          { member: 'c', weight: 1n },
          { member: 'a', weight: 1n },
          { member: 'b', weight: 1n },
        ]),
      ),
    ).toEqual({ a: 3334, b: 3333, c: 3333 });
  });

  it('gives the leftover cents to the largest remainders (hand-computed)', () => {
    // 1.000,00 € by 21.000 : 19.000 : 15.000 inhabitants (Σ 55.000): quotas 38.181,81…, 34.545,45…, 27.272,72…
    // floors 38.181 + 34.545 + 27.272 = 99.998; remainders ,818 ,454 ,727 → the 2 cents go to a and c.
    expect(
      cents(
        allocate(100000n, [
          { member: 'a', weight: 21000n },
          { member: 'b', weight: 19000n },
          { member: 'c', weight: 15000n },
        ]),
      ),
    ).toEqual({
      a: 38182,
      b: 34545,
      c: 27273,
    });
  });

  it('refuses what cannot be split: a negative total, a negative weight, a member twice, all weights zero', () => {
    expect(() => allocate(-1n, [{ member: 'a', weight: 1n }])).toThrow(AllocationError);
    expect(() => allocate(1n, [{ member: 'a', weight: -1n }])).toThrow('Ein Gewicht unter null ist nicht möglich.');
    expect(() =>
      allocate(1n, [
        { member: 'a', weight: 1n },
        { member: 'a', weight: 2n },
      ]),
    ).toThrow('„a“ steht zweimal im Schlüssel.');
    expect(() => allocate(1n, [{ member: 'a', weight: 0n }])).toThrow('Alle Gewichte sind null');
    expect(cents(allocate(0n, [{ member: 'a', weight: 0n }]))).toEqual({ a: 0 });
  });

  const members = fc.uniqueArray(fc.record({ member: fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/), weight: fc.bigInt({ min: 0n, max: 10n ** 7n }) }), {
    minLength: 1,
    maxLength: 30,
    selector: (w) => w.member,
  });
  const total = fc.bigInt({ min: 0n, max: 10n ** 13n });

  it('property: shares are never negative and add up exactly to the total; permuting the members changes nothing', () => {
    fc.assert(
      fc.property(
        members.chain((ws) => fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length }))),
        total,
        ([weights, shuffled], t) => {
          fc.pre(weights.some((w) => w.weight > 0n));
          const shares = allocate(t, weights);
          expect(shares.reduce((s, x) => s + x.cents, 0n)).toBe(t);
          for (const s of shares) expect(s.cents >= 0n).toBe(true);
          expect(allocate(t, shuffled)).toEqual(shares);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('property: a member with a larger weight never gets less, and each share is within one cent of its exact quota', () => {
    fc.assert(
      fc.property(members, total, (weights, t) => {
        fc.pre(weights.some((w) => w.weight > 0n));
        const shares = allocate(t, weights);
        const weightOf = new Map(weights.map((w) => [w.member, w.weight]));
        const sum = weights.reduce((s, w) => s + w.weight, 0n);
        for (const a of shares) {
          const exact = t * weightOf.get(a.member)!;
          expect(a.cents * sum >= exact - sum && a.cents * sum <= exact + sum).toBe(true);
          for (const b of shares) if (weightOf.get(a.member)! > weightOf.get(b.member)!) expect(a.cents >= b.cents).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('property: the fast path on integer doubles gives the same cents as plain BigInt arithmetic, on both sides of 2^52', () => {
    // The textbook method, all in BigInt: floors, then one cent each by largest remainder, ties to the earlier position.
    const reference = (total: bigint, weights: bigint[]): bigint[] => {
      const sum = weights.reduce((a, b) => a + b, 0n);
      const cents = weights.map((w) => (total * w) / sum);
      const rest = weights.map((w) => (total * w) % sum);
      let left = total - cents.reduce((a, b) => a + b, 0n);
      const order = rest.map((_, i) => i).sort((a, b) => (rest[a] === rest[b] ? a - b : rest[a]! > rest[b]! ? -1 : 1));
      for (const i of order) if (left > 0n) ((cents[i]! += 1n), (left -= 1n));
      return cents;
    };
    const weights = fc.array(fc.oneof(fc.bigInt({ min: 0n, max: 3n }), fc.bigInt({ min: 0n, max: 10n ** 6n })), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(weights, fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 10n ** 9n, max: 10n ** 15n })), (ws, t) => {
        fc.pre(ws.some((w) => w > 0n));
        expect(allocateInOrder(t, ws)).toEqual(reference(t, ws));
      }),
      { numRuns: 10_000 },
    );
  });

  it('property: select finds the k-th smallest value, as sorting would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }).chain((xs) => fc.tuple(fc.constant(xs), fc.nat(xs.length - 1))),
        ([xs, k]) => {
          expect(select(Float64Array.from(xs), k)).toBe([...xs].sort((a, b) => a - b)[k]);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
