/**
 * Largest-remainder allocation (Hare–Niemeyer) on exact integers: a total in cents is split
 * by integer weights into integer cents that add up to the total exactly. Every member first
 * gets the floor of its exact quota total·weight/Σweights; the cents left over go, one each, to
 * the largest remainders. Ties in the remainder go to the member whose id sorts first (by code
 * point), so the result does not depend on the order of the members in the files.
 *
 * Integers throughout: where total·Σweights stays below 2^52 the arithmetic runs on exact
 * integer doubles (fast), otherwise on BigInt; both give the same cents.
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
  const sorted = [...weights].sort((a, b) => compareIds(a.member, b.member));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.member === sorted[i - 1]!.member) throw new AllocationError(`„${sorted[i]!.member}“ steht zweimal im Schlüssel.`);
  }
  const cents = allocateInOrder(
    totalCents,
    sorted.map((w) => w.weight),
  );
  return sorted.map((w, i) => ({ member: w.member, cents: cents[i]! }));
}

/**
 * Weights already in tie-break order (member ids sorted), checked and summed once, so that
 * a key that splits many amounts does that work once; with double copies where they are exact.
 */
export interface OrderedWeights {
  readonly big: readonly bigint[];
  readonly sum: bigint;
  /** The weights as doubles, where the sum is below 2^52 (then every weight is exact too). */
  readonly small?: Float64Array;
}

export function orderedWeights(weights: readonly bigint[]): OrderedWeights {
  let sum = 0n;
  for (const w of weights) {
    if (w < 0n) throw new AllocationError('Ein Gewicht unter null ist nicht möglich.');
    sum += w;
  }
  return { big: weights, sum, small: sum < SAFE ? Float64Array.from(weights, Number) : undefined };
}

/** The same on weights already in tie-break order: the cents per position. */
export function allocateInOrder(totalCents: bigint, weights: readonly bigint[]): bigint[] {
  const cents: bigint[] = [];
  allocateEach(totalCents, orderedWeights(weights), (i, c) => (cents[i] = c));
  return cents;
}

/**
 * Splits `totalCents` by prepared weights and hands each position's cents to `emit` in position
 * order; with `only`, just that position's (the split is still computed over all).
 */
export function allocateEach(totalCents: bigint, weights: OrderedWeights, emit: (position: number, cents: bigint) => void, only?: number): void {
  if (totalCents < 0n) throw new AllocationError('Ein Betrag unter null lässt sich nicht verteilen.');
  if (weights.sum === 0n) {
    if (totalCents !== 0n) throw new AllocationError('Alle Gewichte sind null; der Betrag lässt sich nicht verteilen.');
    weights.big.forEach((_, i) => (only === undefined || only === i) && emit(i, 0n));
    return;
  }
  if (weights.small !== undefined && totalCents * weights.sum < SAFE) inDoubles(Number(totalCents), weights.small, Number(weights.sum), emit, only);
  else inBigInts(totalCents, weights.big, weights.sum).forEach((c, i) => (only === undefined || only === i) && emit(i, c));
}

/** Below this, every product total·weight and every partial sum is an exactly representable integer double. */
const SAFE = 2n ** 52n;

function inDoubles(total: number, weights: Float64Array, sum: number, emit: (position: number, cents: bigint) => void, only: number | undefined): void {
  const floors = new Float64Array(weights.length);
  const remainders = new Float64Array(weights.length);
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    const exact = total * weights[i]!;
    let q = Math.floor(exact / sum);
    // The quotient of two exact integers may round across an integer: correct it by the remainder.
    let r = exact - q * sum;
    if (r < 0) ((q -= 1), (r += sum));
    else if (r >= sum) ((q += 1), (r -= sum));
    floors[i] = q;
    remainders[i] = r;
    left -= q;
  }
  giveLeftover(left, remainders, floors);
  if (only !== undefined) emit(only, BigInt(floors[only]!));
  else for (let i = 0; i < floors.length; i++) emit(i, BigInt(floors[i]!));
}

function inBigInts(total: bigint, weights: readonly bigint[], sum: bigint): bigint[] {
  const floors = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  const left = Number(total - floors.reduce((a, b) => a + b, 0n));
  // Largest remainder first; equal remainders in position (= id) order, as the sort is stable.
  const order = remainders.map((_, i) => i).sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : 0));
  for (const i of order.slice(0, left)) floors[i]! += 1n;
  return floors;
}

/**
 * One cent each to the `left` largest remainders, ties to the earlier position: the threshold is
 * the left-th largest remainder (selected in linear time), then one pass in position order.
 */
function giveLeftover(left: number, remainders: Float64Array, floors: Float64Array): void {
  if (left === 0) return;
  const threshold = select(Float64Array.from(remainders), remainders.length - left);
  let ties = left;
  for (const r of remainders) if (r > threshold) ties -= 1;
  for (let i = 0; i < remainders.length; i++) {
    if (remainders[i]! > threshold) floors[i]! += 1;
    else if (remainders[i] === threshold && ties > 0) ((floors[i]! += 1), (ties -= 1));
  }
}

/** The k-th smallest value (0-based) of `values`, which it reorders: Hoare's selection with a median-of-three pivot, linear on average. */
export function select(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const [a, b, c] = [values[lo]!, values[mid]!, values[hi]!];
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
