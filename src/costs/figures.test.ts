import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecked, openSource, type CheckedModel } from '../pipeline';
import { compileValidators } from '../schema/compile';
import { distribute } from './distribute';
import { figuresOf } from './figures';

const ROOT = path.join(__dirname, '..', '..');
const gate = loadChecked(openSource(path.join(ROOT, 'examples', 'musterverbund')), {
  validators: compileValidators(path.join(ROOT, 'schemas', 'governance')),
  today: '2026-11-30',
});
const model = (gate.ok ? gate.model : undefined) as CheckedModel;

describe('figuresOf (the example Verbund)', () => {
  const figures = figuresOf(model);

  it('reads official inhabitants of the key’s reference date, and nothing else', () => {
    expect(figures.inhabitants('stadt-musterstadt', { art: 'einwohner', einwohner: { stichtag: '2024-12-31' } })).toEqual({
      count: 31250n,
      accuracy: 'amtlich',
    });
    expect(figures.inhabitants('stadt-musterstadt', { art: 'einwohner', einwohner: { stichtag: '2023-12-31' } })).toBeUndefined();
  });

  it('takes the participants of a service from the members’ own files', () => {
    expect(figures.participants('nextcloud')).toEqual(['flecken-lindenau', 'gemeinde-birkenfelde', 'landkreis-heideland', 'stadt-musterstadt']);
    expect(distribute({ art: 'nutzung', dienst: 'nextcloud' }, 100003n, figures).map((s) => [s.member, Number(s.cents)])).toEqual([
      ['flecken-lindenau', 25001],
      ['gemeinde-birkenfelde', 25001],
      ['landkreis-heideland', 25001],
      ['stadt-musterstadt', 25000],
    ]);
  });
});
