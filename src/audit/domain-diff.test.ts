import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeChange } from './domain-diff';

/** What the README shows as examples of domain changes: each must be what describeChange says. */
const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const shown = (lines: string[]) => {
  for (const line of lines) expect(README).toContain(`\n${line}\n`);
  return lines;
};

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
    expect(shown(describeChange('governance/ziele/2.1-prozesse.yaml', before, after))).toEqual([
      'Ziel 2.1: Meilenstein 2.1-M3: Status von inArbeit auf erreicht (erreichtAm 2026-04-30)',
    ]);
    const retitled = { ...after, titel: 'Prozesse digital und medienbruchfrei' };
    expect(describeChange('governance/ziele/2.1-prozesse.yaml', { ...after, titel: 'Prozesse digital' }, retitled)).toEqual([
      'Ziel 2.1: Titel von „Prozesse digital“ auf „Prozesse digital und medienbruchfrei“',
    ]);
  });

  it('names a delegation by the people it names and its period', () => {
    const d = { von: 'bm-lilienthal', an: 'av-lilienthal', umfang: 'Urlaub', gueltig: { von: '2026-07-01', bis: '2026-07-31' } };
    const member = (delegationen: object[]) => ({
      id: 'gemeinde-lilienthal',
      hvb: { name: 'Kai Beispiel', github: 'bm-lilienthal' },
      vertretung: { name: 'Sabine Vorlage', github: 'av-lilienthal' },
      delegationen,
    });
    expect(shown(describeChange('governance/mitglieder/gemeinde-lilienthal.yaml', member([]), member([d])))).toEqual([
      'Mitglied gemeinde-lilienthal: Delegation von Kai Beispiel (bm-lilienthal) an Sabine Vorlage (av-lilienthal) vom 2026-07-01 bis 2026-07-31 hinzugefügt',
    ]);
    const shortened = { ...d, gueltig: { von: '2026-07-01', bis: '2026-07-15' } };
    expect(describeChange('governance/mitglieder/gemeinde-lilienthal.yaml', member([d]), member([shortened]))).toEqual([
      'Mitglied gemeinde-lilienthal: Delegation bm-lilienthal → av-lilienthal ab 2026-07-01 › gültig: bis von 2026-07-31 auf 2026-07-15',
    ]);
    expect(describeChange('governance/mitglieder/gemeinde-lilienthal.yaml', member([d]), member([]))).toEqual([
      'Mitglied gemeinde-lilienthal: Delegation von Kai Beispiel (bm-lilienthal) an Sabine Vorlage (av-lilienthal) vom 2026-07-01 bis 2026-07-31 entfernt',
    ]);
  });

  it('shows a changed share of a cost key, an open value decided, a new file and a removed one', () => {
    const key = (share: string) => ({ id: 'umlage', verteilung: { art: 'fest', anteile: { landkreis: share, gemeinde: '65/100' } } });
    expect(shown(describeChange('governance/kostenschluessel/umlage.yaml', key('35/100'), key('40/100')))).toEqual([
      'Kostenschlüssel umlage: Anteil landkreis 35 % → 40 %',
    ]);
    const third = { id: 'umlage', verteilung: { art: 'fest', anteile: { landkreis: '1/3', gemeinde: '2/3' } } };
    expect(shown(describeChange('governance/kostenschluessel/umlage.yaml', key('35/100'), third))).toEqual([
      'Kostenschlüssel umlage: Anteil landkreis 35 % → 1/3 (≈ 33,33 %)',
      'Kostenschlüssel umlage: Anteil gemeinde 65 % → 2/3 (≈ 66,67 %)',
    ]);
    expect(
      describeChange('governance/ressourcen/ressourcen.yaml', { itAufwand: { offen: 'Abb. 5' } }, { itAufwand: { minEuro: '1.00', maxEuro: '2.00' } }),
    ).toEqual(['Ressourcen: itAufwand von offen auf (minEuro 1.00, maxEuro 2.00)']);
    expect(describeChange('governance/gremien/ag-neu.yaml', undefined, { id: 'ag-neu' })).toEqual(['Gremium ag-neu angelegt.']);
    expect(describeChange('stacks/Pulumi.gemeinde-a.yaml', { config: {} }, undefined)).toEqual(['Stack entfernt.']);
  });
});
