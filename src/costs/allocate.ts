/**
 * Largest-remainder allocation (Hare–Niemeyer) on exact integers: a total in cents is split
 * by integer weights into integer cents that add up to the total exactly. Every member first
 * gets the floor of its exact quota total·weight/Σweights; the cents left over go, one each, to
 * the largest remainders. Ties in the remainder go to the member whose id sorts first (by code
 * point), so the result does not depend on the order of the members in the files.
 */

export interface Weighted {
  member: string;
  /** Non-negative integer weight (inhabitants, seats, a fraction's numerator over a common denominator). */
  weight: bigint;
}

export interface Share {
  member: string;
  cents: bigint;
}

export class AllocationError extends Error {}

/** Splits `totalCents` (≥ 0) by the weights; the shares come back in member-id order. */
export function allocate(totalCents: bigint, weights: readonly Weighted[]): Share[] {
  if (totalCents < 0n) throw new AllocationError('Ein Betrag unter null lässt sich nicht verteilen.');
  const sorted = [...weights].sort((a, b) => compareIds(a.member, b.member));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.member === sorted[i - 1]!.member) throw new AllocationError(`„${sorted[i]!.member}“ steht zweimal im Schlüssel.`);
  }
  if (sorted.some((w) => w.weight < 0n)) throw new AllocationError('Ein Gewicht unter null ist nicht möglich.');
  const sum = sorted.reduce((s, w) => s + w.weight, 0n);
  if (sum === 0n) {
    if (totalCents === 0n) return sorted.map((w) => ({ member: w.member, cents: 0n }));
    throw new AllocationError('Alle Gewichte sind null; der Betrag lässt sich nicht verteilen.');
  }
  const shares = sorted.map((w) => {
    const exact = totalCents * w.weight;
    return { member: w.member, cents: exact / sum, remainder: exact % sum };
  });
  let left = totalCents - shares.reduce((s, x) => s + x.cents, 0n);
  // Largest remainder first; equal remainders: the smaller id first (the list is already in id order, and the sort is stable).
  const order = shares
    .map((_, i) => i)
    .sort((a, b) => (shares[b]!.remainder > shares[a]!.remainder ? 1 : shares[b]!.remainder < shares[a]!.remainder ? -1 : 0));
  for (const i of order) {
    if (left === 0n) break;
    shares[i]!.cents += 1n;
    left -= 1n;
  }
  return shares.map(({ member, cents }) => ({ member, cents }));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
