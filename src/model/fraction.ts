/** An exact share such as 2/3: kept as two integers so that nothing is ever rounded. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** Reads "p/q" (the schema's bruch pattern has already admitted the form). */
export function parseFraction(text: string): Fraction {
  const [numerator, denominator] = text.split('/').map(Number) as [number, number];
  return { numerator, denominator };
}

/** Whether `votes` of `total` reach the share: compared by cross-multiplication, exactly. */
export function reaches(votes: number, total: number, share: Fraction): boolean {
  return votes * share.denominator >= share.numerator * total;
}

/** German reading for output, e.g. "2/3". */
export function formatFraction(share: Fraction): string {
  return `${share.numerator}/${share.denominator}`;
}

/** An exact sum of shares, in BigInt: many shares with six-digit denominators outgrow a double. */
export interface ExactFraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The shares over their least common denominator: integer weights that keep each share exact ("1/3", "1/2" → 2 and 3 of 6). */
export function asWeights(texts: readonly string[]): { weights: bigint[]; denominator: bigint } {
  const parts = texts.map((t) => t.split('/').map((x) => BigInt(x)) as [bigint, bigint]);
  const denominator = parts.reduce((l, [, d]) => (l / gcd(l, d)) * d, 1n);
  return { weights: parts.map(([n, d]) => (n * denominator) / d), denominator };
}

/** The exact sum of shares, reduced ("1/3" + "2/3" → 1/1). */
export function sumFractions(texts: readonly string[]): ExactFraction {
  const { weights, denominator } = asWeights(texts);
  const numerator = weights.reduce((a, b) => a + b, 0n);
  const divisor = numerator === 0n ? denominator : gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/** "5/4", or "1" for a whole number. */
export function formatExact(f: ExactFraction): string {
  return f.denominator === 1n ? String(f.numerator) : `${f.numerator}/${f.denominator}`;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
