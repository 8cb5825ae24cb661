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
