import { describe, expect, it } from 'vitest';
import { scaffold } from './scaffold';
import { slugOf, termOf } from './slug';

describe('slugOf', () => {
  it('writes a Kennung as a clerk would: umlauts spelt out, every other run a hyphen', () => {
    expect(slugOf('Stadt Osterholz-Scharmbeck')).toBe('stadt-osterholz-scharmbeck');
    expect(slugOf('Gemeinde Grünheide (Mark)')).toBe('gemeinde-gruenheide-mark');
    expect(slugOf('Große Kreisstadt Süßen')).toBe('grosse-kreisstadt-suessen');
    expect(slugOf('Commune de Saint-Étienne')).toBe('commune-de-saint-etienne');
    expect(termOf('Große kreisangehörige Stadt')).toBe('Grosse-kreisangehoerige-Stadt');
    expect(termOf('verbandsfreie Stadt')).toBe('verbandsfreie-Stadt');
  });
});

describe('scaffold', () => {
  const today = '2026-11-30';

  it('refuses what cannot become valid data, saying what and where, all at once', () => {
    const result = scaffold({
      name: '',
      mitglieder: [
        { name: 'Gemeinde Adorf', art: 'Gemeinde' },
        { name: 'Gemeinde  Adorf', art: '3. Ordnung', github: 'nicht gültig!' },
      ],
      today,
    });
    expect(result).toEqual({
      errors: [
        'Der Name des Verbunds fehlt oder ist mehrzeilig (--name).',
        'Die Kennung „“ des Verbunds taugt nicht: nur a–z, 0–9 und Bindestrich, Umlaute umschreiben (ü → ue, ß → ss) (--id).',
        'Mitglied 2 („Gemeinde  Adorf“): ergibt dieselbe Kennung „gemeinde-adorf“ wie „Gemeinde Adorf“; Namen müssen sich unterscheiden.',
        'Mitglied 2 („Gemeinde  Adorf“): aus der Art „3. Ordnung“ lässt sich keine Kennung bilden; sie braucht am Anfang einen Buchstaben (z. B. Gemeinde, Verbandsgemeinde).',
        'Mitglied 2 („Gemeinde  Adorf“): „nicht gültig!“ ist keine GitHub-Kennung (Buchstaben, Ziffern und einzelne Bindestriche, höchstens 39 Zeichen).',
      ],
    });
    expect(scaffold({ name: 'Verbund Nord', mitglieder: [], today })).toEqual({
      errors: ['Bitte mindestens ein Mitglied angeben (--mitglied "Name:Art[:GitHub-Login]").'],
    });
  });

  it('writes one file per member and strategy, the Verbund with its member list, and a new kind into the vocabulary', () => {
    const result = scaffold({
      name: 'Verbund "Nord" & Süd',
      mitglieder: [
        { name: 'Kreis Nord', art: 'Landkreis', github: 'lr-nord' },
        { name: 'Ortsgemeinde Übersee', art: 'Ortsgemeinde' },
        { name: 'Stadt Cstadt', art: 'Große kreisangehörige Stadt' },
      ],
      today,
    });
    if (!('files' in result)) throw new Error(result.errors.join('\n'));
    expect([...result.files.keys()].sort()).toEqual([
      'governance/gremien/hvb-runde.yaml',
      'governance/leitlinie/historie.yaml',
      'governance/leitlinie/leitlinie.yaml',
      'governance/mitglieder/kreis-nord.yaml',
      'governance/mitglieder/ortsgemeinde-uebersee.yaml',
      'governance/mitglieder/stadt-cstadt.yaml',
      'governance/ressourcen/ressourcen.yaml',
      'governance/strategien/kreis-nord.yaml',
      'governance/strategien/ortsgemeinde-uebersee.yaml',
      'governance/strategien/stadt-cstadt.yaml',
      'governance/verbund.yaml',
      'policies/freigaberegeln.yaml',
      'policies/pruefregeln.yaml',
    ]);
    const verbund = result.files.get('governance/verbund.yaml')!;
    expect(verbund).toContain('id: verbund-nord-sued\nname: "Verbund \\"Nord\\" & Süd"\n');
    expect(verbund).toContain('mitglieder:\n  - kreis-nord\n  - ortsgemeinde-uebersee\n');
    expect(verbund).toContain(
      '    - { id: "Ortsgemeinde", name: "Ortsgemeinde" }\n    - { id: "Grosse-kreisangehoerige-Stadt", name: "Große kreisangehörige Stadt" }\n',
    );
    expect(result.files.get('governance/mitglieder/stadt-cstadt.yaml')).toContain('\nart: Grosse-kreisangehoerige-Stadt\n');
    expect(result.files.get('governance/mitglieder/kreis-nord.yaml')).toContain('  github: "lr-nord"\n');
    expect(result.files.get('governance/mitglieder/ortsgemeinde-uebersee.yaml')).toContain('  github:\n    offen: Noch keine GitHub-Kennung hinterlegt.\n');
    expect(result.files.get('governance/leitlinie/historie.yaml')).toContain('    datum: 2026-11-30\n    status: entwurf\n');
  });
});
