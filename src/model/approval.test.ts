// Who may approve for a member on a date: the HVB in office, and holders of sound delegations.
import { describe, expect, it } from 'vitest';
import { approversOn, delegationProblem } from './approval';
import type { Mitglied } from './types';

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
