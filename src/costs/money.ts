/**
 * Money as the data writes it – a decimal string with exactly two places ("12345.67") – and as
 * the tool computes with it: integer cents (BigInt, so products with inhabitants or weights
 * never overflow). No floating point anywhere on the way.
 */

/** The form the schema requires: digits, a point, exactly two digits; no sign, no grouping; below 10^13 € (so cents stay exact JSON numbers). */
export const AMOUNT = /^(0|[1-9][0-9]{0,12})\.[0-9]{2}$/;

export class AmountError extends Error {}

/** "12345.67" → 1234567n. */
export function parseCents(text: string): bigint {
  if (!AMOUNT.test(text)) throw new AmountError(`„${text}“ ist kein Betrag der Form 12345.67 (Punkt, genau zwei Nachkommastellen, in Anführungszeichen).`);
  return BigInt(text.replace('.', ''));
}

/** 1234567n → "12.345,67 €": German notation with the euro sign. */
export function formatEuro(cents: bigint): string {
  return `${formatDecimal(cents)} €`;
}

/** 1234567n → "12.345,67" (German grouping and decimal comma, as a German spreadsheet reads it). */
export function formatDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const euros = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${euros},${rest}`;
}
