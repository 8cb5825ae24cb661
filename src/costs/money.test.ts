import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmountError, formatDecimal, formatEuro, parseCents } from './money';

// Property runs of 10⁴ cases take seconds on a loaded CI machine: a timeout for the work, not for a hang.
describe('money', { timeout: 60_000 }, () => {
  it('reads amounts written with exactly two places, as integer cents', () => {
    expect(parseCents('12345.67')).toBe(1234567n);
    expect(parseCents('0.05')).toBe(5n);
    expect(parseCents('9999999999999.99')).toBe(999999999999999n);
    expect(() => parseCents('99999999999999.99')).toThrow(AmountError);
    for (const bad of ['12345.6', '12345', '12,345.67', '-1.00', '01.00', '1.234', ' 1.00', '1e3.00']) expect(() => parseCents(bad), bad).toThrow(AmountError);
  });

  it('writes German notation: grouping by points, decimal comma', () => {
    expect(formatEuro(123456n)).toBe('1.234,56 €');
    expect(formatEuro(5n)).toBe('0,05 €');
    expect(formatDecimal(100000000n)).toBe('1.000.000,00');
    expect(formatDecimal(-150n)).toBe('-1,50');
  });

  it('property: formatting and reading back give the same cents', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), (cents) => {
        const text = formatDecimal(cents).replace(/\./g, '').replace(',', '.');
        expect(parseCents(text)).toBe(cents);
      }),
      { numRuns: 10_000 },
    );
  });
});
