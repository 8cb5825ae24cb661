import { describe, expect, it } from 'vitest';
import { describeChange } from './domain-diff';

describe('describeChange (domain changes in German)', () => {
  it('names a milestone by its id and says what changed in it', () => {
    const before = {
      id: '2.1',
      meilensteine: [
        { id: '2.1-M3', status: 'inArbeit' },
        { id: '2.1-M4', status: 'offen' },
      ],
    };
    const after = {
      id: '2.1',
      meilensteine: [
        { id: '2.1-M4', status: 'offen' },
        { id: '2.1-M3', status: 'erreicht', erreichtAm: '2026-04-30' },
      ],
    };
    expect(describeChange('governance/ziele/2.1-prozesse.yaml', before, after)).toEqual([
      'Ziel 2.1: Meilenstein 2.1-M3 › status: von „inArbeit“ auf „erreicht“',
      'Ziel 2.1: Meilenstein 2.1-M3 › erreichtAm: hinzugefügt („2026-04-30“)',
    ]);
  });

  it('names a delegation by who delegates to whom and from when', () => {
    const d = { von: 'bm-a', an: 'av-a', umfang: 'Urlaub', gueltig: { von: '2026-07-01', bis: '2026-07-31' } };
    expect(describeChange('governance/mitglieder/gemeinde-a.yaml', { id: 'gemeinde-a', delegationen: [] }, { id: 'gemeinde-a', delegationen: [d] })).toEqual([
      'Mitglied gemeinde-a: Delegation bm-a → av-a ab 2026-07-01 hinzugefügt (gültig vom 2026-07-01 bis 2026-07-31)',
    ]);
  });

  it('shows a changed share of a cost key, an open value decided, a new file and a removed one', () => {
    const key = (share: string) => ({ id: 'umlage', verteilung: { art: 'fest', anteile: { landkreis: share, gemeinde: '65/100' } } });
    expect(describeChange('governance/kostenschluessel/umlage.yaml', key('35/100'), key('40/100'))).toEqual([
      'Kostenschlüssel umlage: verteilung › anteile › landkreis: von „35/100“ auf „40/100“',
    ]);
    expect(
      describeChange('governance/ressourcen/ressourcen.yaml', { itAufwand: { offen: 'Abb. 5' } }, { itAufwand: { minEuro: '1.00', maxEuro: '2.00' } }),
    ).toEqual(['Ressourcen: itAufwand: von offen auf …']);
    expect(describeChange('governance/gremien/ag-neu.yaml', undefined, { id: 'ag-neu' })).toEqual(['Gremium ag-neu angelegt.']);
    expect(describeChange('stacks/Pulumi.gemeinde-a.yaml', { config: {} }, undefined)).toEqual(['Stack entfernt.']);
  });
});
