import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Verteilung } from '../model/types';
import { distribute, DistributionError, type Figures } from './distribute';

// A Kreis and three municipalities; the Kreis's inhabitants are theirs together, so no key
// may count both (the check refuses that); here the keys name who takes part.
const INHABITANTS: Record<string, bigint> = { 'gemeinde-a': 21000n, 'gemeinde-b': 19000n, 'gemeinde-c': 15000n };
const figures: Figures = {
  members: () => ['gemeinde-a', 'gemeinde-b', 'gemeinde-c', 'landkreis'],
  inhabitants: (m) => (INHABITANTS[m] === undefined ? undefined : { count: INHABITANTS[m]!, accuracy: 'amtlich' }),
  participants: (d) => (d === 'dateien' ? ['gemeinde-c', 'gemeinde-a'] : []),
  seats: (m, d) =>
    d === 'dateien' ? ({ 'gemeinde-a': { count: 120n, stand: '2026-01-01' }, 'gemeinde-c': { count: 40n, stand: '2026-01-01' } } as const)[m] : undefined,
};
const GEMEINDEN = ['gemeinde-a', 'gemeinde-b', 'gemeinde-c'];
const cents = (v: Verteilung, total: bigint) => Object.fromEntries(distribute(v, total, figures).map((s) => [s.member, Number(s.cents)]));

// Property runs of 10⁴ cases take seconds on a loaded CI machine: a timeout for the work, not for a hang.
describe('distribute (hand-computed, one per kind of key)', { timeout: 60_000 }, () => {
  it('einwohner: 1.000,00 € by 21.000 : 19.000 : 15.000 → 381,82 + 345,45 + 272,73', () => {
    expect(cents({ art: 'einwohner', mitglieder: GEMEINDEN, einwohner: { stichtag: '2024-12-31' } }, 100000n)).toEqual({
      'gemeinde-a': 38182,
      'gemeinde-b': 34545,
      'gemeinde-c': 27273,
    });
  });

  it('gleich: 100,00 € among four → 25,00 each; 100,01 € → the extra cent to the first id', () => {
    expect(cents({ art: 'gleich' }, 10000n)).toEqual({ 'gemeinde-a': 2500, 'gemeinde-b': 2500, 'gemeinde-c': 2500, landkreis: 2500 });
    expect(cents({ art: 'gleich' }, 10001n)).toEqual({ 'gemeinde-a': 2501, 'gemeinde-b': 2500, 'gemeinde-c': 2500, landkreis: 2500 });
  });

  it('sockel: 1.000,00 € with 100,00 € each, the remaining 700,00 € by inhabitants → 367,27 + 341,82 + 290,91', () => {
    // 700,00 € by 21:19:15 → 267,27… 241,81… 190,90… : floors 26.727 + 24.181 + 19.090 = 69.998; remainders ,272 ,818 ,909 → c and b.
    expect(cents({ art: 'sockel', mitglieder: GEMEINDEN, sockelbetrag: '100.00', einwohner: { stichtag: '2024-12-31' } }, 100000n)).toEqual({
      'gemeinde-a': 36727,
      'gemeinde-b': 34182,
      'gemeinde-c': 29091,
    });
    expect(() => distribute({ art: 'sockel', mitglieder: GEMEINDEN, sockelbetrag: '400.00' }, 100000n, figures)).toThrow(DistributionError);
  });

  it('fest: 35/100 and 65/100 of 99,99 € → 35,00 + 64,99 (the remainder ,9965 beats ,3465)', () => {
    expect(cents({ art: 'fest', anteile: { landkreis: '35/100', 'gemeinde-a': '65/100' } }, 9999n)).toEqual({ 'gemeinde-a': 6499, landkreis: 3500 });
  });

  it('nutzung: equal shares among the participants of a service, and none without participants', () => {
    expect(cents({ art: 'nutzung', dienst: 'dateien' }, 1001n)).toEqual({ 'gemeinde-a': 501, 'gemeinde-c': 500 });
    expect(() => distribute({ art: 'nutzung', dienst: 'chat' }, 100n, figures)).toThrow('Am Dienst „chat“ nimmt niemand teil');
  });

  it('nutzung nach plaetze: 1.000,01 € by 120 : 40 seats → 750,01 + 250,00, each share naming its seats', () => {
    // 100.001 · 120/160 = 75.000,75 and 100.001 · 40/160 = 25.000,25: floors 75.000 + 25.000, the cent to the larger remainder (,75).
    const shares = distribute({ art: 'nutzung', dienst: 'dateien', nach: 'plaetze' }, 100001n, figures);
    expect(shares.map((s) => [s.member, Number(s.cents)])).toEqual([
      ['gemeinde-a', 75001],
      ['gemeinde-c', 25000],
    ]);
    expect(shares[0]!.basis).toEqual([{ art: 'nutzung', dienst: 'dateien', nach: 'plaetze', weight: 120n, weightSum: 160n, stichtag: '2026-01-01' }]);
  });

  it('stufen: the Kreis carries 35 %, the rest goes to the municipalities by inhabitants', () => {
    const key: Verteilung = {
      art: 'stufen',
      stufen: [
        { anteil: '35/100', verteilung: { art: 'fest', anteile: { landkreis: '1/1' } } },
        { anteil: 'rest', verteilung: { art: 'einwohner', mitglieder: GEMEINDEN, einwohner: { stichtag: '2024-12-31' } } },
      ],
    };
    // 10.000,00 €: Kreis 3.500,00; 6.500,00 € by 21:19:15 → 2.481,818… 2.245,454… 1.772,727… → a gets the cent.
    expect(cents(key, 1000000n)).toEqual({ 'gemeinde-a': 248182, 'gemeinde-b': 224545, 'gemeinde-c': 177273, landkreis: 350000 });
  });

  it('property: every kind adds up exactly and never gives a negative share', () => {
    const keys: Verteilung[] = [
      { art: 'gleich' },
      { art: 'einwohner', mitglieder: GEMEINDEN },
      { art: 'fest', anteile: { landkreis: '1/3', 'gemeinde-a': '2/3' } },
      {
        art: 'stufen',
        stufen: [
          { anteil: '1/7', verteilung: { art: 'gleich' } },
          { anteil: 'rest', verteilung: { art: 'einwohner', mitglieder: GEMEINDEN } },
        ],
      },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.bigInt({ min: 0n, max: 10n ** 12n }), (key, total) => {
        const shares = distribute(key, total, figures);
        expect(shares.reduce((s, x) => s + x.cents, 0n)).toBe(total);
        for (const s of shares) expect(s.cents >= 0n).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('property (random Verbünde): under a pure inhabitants key more inhabitants never pay less, shares add up, and the order of the member files changes nothing', () => {
    const verbund = fc
      .uniqueArray(fc.record({ id: fc.stringMatching(/^gemeinde-[a-z]{1,8}$/), count: fc.bigInt({ min: 1n, max: 2_000_000n }) }), {
        minLength: 1,
        maxLength: 40,
        selector: (m) => m.id,
      })
      .chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length, maxLength: ms.length })));
    const figuresFor = (ms: { id: string; count: bigint }[]): Figures => {
      const counts = new Map(ms.map((m) => [m.id, m.count]));
      return {
        members: () => ms.map((m) => m.id),
        inhabitants: (id) => {
          const count = counts.get(id);
          return count === undefined ? undefined : { count, accuracy: 'amtlich' };
        },
        participants: () => [],
        seats: () => undefined,
      };
    };
    fc.assert(
      fc.property(verbund, fc.bigInt({ min: 0n, max: 10n ** 13n }), ([members, shuffled], total) => {
        const key: Verteilung = { art: 'einwohner', einwohner: { stichtag: '2024-12-31' } };
        const shares = distribute(key, total, figuresFor(members));
        expect(shares.reduce((s, x) => s + x.cents, 0n)).toBe(total);
        const count = new Map(members.map((m) => [m.id, m.count]));
        for (const a of shares) {
          expect(a.cents >= 0n).toBe(true);
          for (const b of shares) if (count.get(a.member)! > count.get(b.member)!) expect(a.cents >= b.cents).toBe(true);
        }
        expect(distribute(key, total, figuresFor(shuffled))).toEqual(shares);
      }),
      { numRuns: 10_000 },
    );
  });
});
