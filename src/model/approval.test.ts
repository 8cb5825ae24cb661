// Who may approve for a member on a date: the HVB in office, and holders of sound delegations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approversOn, delegationProblem, loginKey } from './approval';
import type { Delegation, Mitglied } from './types';

const member = (overrides: Partial<Mitglied>): Mitglied => ({
  apiVersion: 'verbund/v1',
  id: 'gemeinde-a',
  name: 'Gemeinde A',
  art: 'Gemeinde',
  einwohner: { offen: 'x' },
  hvb: { amt: 'Bürgermeisterin', name: 'Erika', github: 'BM-A', gueltig: { von: '2021-11-01', bis: '2026-10-31' } },
  vertretung: { amt: 'Vertretung', name: 'Max', github: 'av-a' },
  ...overrides,
});

describe('approversOn', () => {
  it('is the HVB during the term, compared without case', () => {
    expect([...approversOn(member({}), '2026-06-01')]).toEqual(['bm-a']);
    expect([...approversOn(member({}), '2026-11-01')]).toEqual([]);
  });

  it('adds the deputy only through a delegation in force', () => {
    const m = member({ delegationen: [{ von: 'bm-a', an: 'AV-A', umfang: 'Urlaub', gueltig: { von: '2026-07-01', bis: '2026-07-31' } }] });
    expect([...approversOn(m, '2026-06-30')]).toEqual(['bm-a']);
    expect([...approversOn(m, '2026-07-15')].sort()).toEqual(['av-a', 'bm-a']);
  });

  it('follows a chain of delegations that cover each other, and nothing else', () => {
    const m = member({
      delegationen: [
        { von: 'bm-a', an: 'av-a', umfang: 'Jahr', gueltig: { von: '2026-01-01', bis: '2026-12-31' } },
        { von: 'av-a', an: 'fb', umfang: 'Sommer', gueltig: { von: '2026-07-01', bis: '2026-08-31' } },
        { von: 'fb', an: 'sachgebiet', umfang: 'zu lang', gueltig: { von: '2026-07-01', bis: '2027-01-31' } },
        { von: 'irgendwer', an: 'angreifer', umfang: 'ohne Recht', gueltig: { von: '2026-01-01', bis: '2026-12-31' } },
      ],
    });
    expect([...approversOn(m, '2026-07-15')].sort()).toEqual(['av-a', 'bm-a', 'fb']);
    expect(delegationProblem(m, 2)).toMatch(/reicht über die Delegation an „fb“ hinaus/);
    expect(delegationProblem(m, 3)).toMatch(/„irgendwer“ darf für „gemeinde-a“ nicht freigeben/);
  });

  it('is nobody while the HVB login is open, whatever delegations say', () => {
    const m = member({
      hvb: { amt: 'Bürgermeisterin', name: 'Erika', github: { offen: 'noch nicht' } },
      delegationen: [{ von: 'irgendwer', an: 'angreifer', umfang: 'alles', gueltig: { von: '2026-01-01', bis: '2026-12-31' } }],
    });
    expect([...approversOn(m, '2026-06-01')]).toEqual([]);
    expect(delegationProblem(m, 0)).toMatch(/GitHub-Kennung der HVB ist nicht erfasst/);
  });

  it('is nobody for a member without an HVB on record (hvb is optional in the schema)', () => {
    const { hvb: _, ...rest } = member({
      delegationen: [{ von: 'bm-a', an: 'av-a', umfang: 'alles', gueltig: { von: '2026-01-01', bis: '2026-12-31' } }],
    });
    const m: Mitglied = rest;
    expect([...approversOn(m, '2026-06-01')]).toEqual([]);
    expect(delegationProblem(m, 0)).toMatch(/GitHub-Kennung der HVB ist nicht erfasst/);
  });

  it('names the HVB as written when someone else tries to delegate', () => {
    const m = member({ delegationen: [{ von: 'irgendwer', an: 'x', umfang: 'alles', gueltig: { von: '2026-01-01', bis: '2026-12-31' } }] });
    expect(delegationProblem(m, 0)).toMatch(/übertragen kann die HVB \(„BM-A“\)/);
  });
});

describe('many delegations', () => {
  /** The day `offset` days after 2026-01-01 (JJJJ-MM-TT). */
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);

  it('a chain of 20,000 delegations, each covering the next, is sound and followed to its end in linear time', () => {
    const n = 20_000;
    // Delegation i goes from u(i-1) (the HVB for i = 0) to u(i); the first 180 periods shrink by a day at each end.
    const chain: Delegation[] = Array.from({ length: n }, (_, i) => ({
      von: i === 0 ? 'BM-A' : `u${i - 1}`,
      an: `u${i}`,
      umfang: 'weiter',
      gueltig: { von: day(Math.min(i, 180)), bis: day(364 - Math.min(i, 180)) },
    }));
    // Listed from the end of the chain, so that no single pass in file order can follow it.
    const m = member({ delegationen: [...chain].reverse() });
    const started = performance.now();
    for (let i = 0; i < n; i++) expect(delegationProblem(m, i)).toBeUndefined();
    const onSummerDay = approversOn(m, '2026-07-01');
    const early = approversOn(m, day(4));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(onSummerDay).toEqual(new Set(['bm-a', ...chain.map((d) => d.an)]));
    expect([...early].sort()).toEqual(['bm-a', 'u0', 'u1', 'u2', 'u3', 'u4']);
  });

  /** The rules as first written (quadratic), as the reference for the indexed version. */
  const reference = {
    problem(m: Mitglied, index: number): 'sound' | 'no source' | 'not covered' {
      const ds = m.delegationen ?? [];
      const d = ds[index]!;
      const hvb = m.hvb && 'github' in m.hvb && typeof m.hvb.github === 'string' ? loginKey(m.hvb.github) : undefined;
      if (hvb !== undefined && loginKey(d.von) === hvb) return 'sound';
      const sources = ds.filter((o, i) => i !== index && loginKey(o.an) === loginKey(d.von));
      if (sources.length === 0) return 'no source';
      return sources.some((s) => s.gueltig.von <= d.gueltig.von && d.gueltig.bis <= s.gueltig.bis) ? 'sound' : 'not covered';
    },
    approvers(m: Mitglied, date: string): Set<string> {
      const approvers = new Set<string>();
      const hvb = m.hvb && 'github' in m.hvb && typeof m.hvb.github === 'string' ? loginKey(m.hvb.github) : undefined;
      const g = m.hvb && 'gueltig' in m.hvb ? m.hvb.gueltig : undefined;
      if (hvb !== undefined && (!g || (g.von <= date && (g.bis === undefined || date <= g.bis)))) approvers.add(hvb);
      const ds = (m.delegationen ?? []).filter((d, i) => d.gueltig.von <= date && date <= d.gueltig.bis && reference.problem(m, i) === 'sound');
      for (let added = true; added;) {
        added = false;
        for (const d of ds) {
          if (approvers.has(loginKey(d.von)) && !approvers.has(loginKey(d.an))) {
            approvers.add(loginKey(d.an));
            added = true;
          }
        }
      }
      return approvers;
    },
  };

  it('gives the same answers as the rules as first written, for any delegations', () => {
    const login = fc.constantFrom('bm-a', 'BM-A', 'av-a', 'AV-A', 'x', 'y', 'Y', 'z');
    const date = fc.integer({ min: 0, max: 40 }).map((offset) => day(offset * 9));
    const delegation = fc
      .record({ von: login, an: login, a: date, b: date })
      .map(({ von, an, a, b }): Delegation => ({ von, an, umfang: 'u', gueltig: a <= b ? { von: a, bis: b } : { von: b, bis: a } }));
    fc.assert(
      fc.property(fc.array(delegation, { maxLength: 12 }), date, fc.boolean(), (delegationen, on, hvbOpen) => {
        const m = member({ delegationen, ...(hvbOpen ? { hvb: { amt: 'Bürgermeisterin', name: 'Erika', github: { offen: 'x' } } } : {}) });
        delegationen.forEach((_, i) => {
          const problem = delegationProblem(m, i);
          const expected = reference.problem(m, i);
          if (expected === 'sound') expect(problem).toBeUndefined();
          else if (expected === 'no source')
            expect(problem).toMatch(/nicht freigeben und kann daher nichts übertragen|GitHub-Kennung der HVB ist nicht erfasst/);
          else expect(problem).toMatch(/reicht über die Delegation an .* hinaus/);
        });
        expect(approversOn(m, on)).toEqual(reference.approvers(m, on));
      }),
      { numRuns: 2000 },
    );
  });
});
