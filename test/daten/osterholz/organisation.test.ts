// The organisation of the Osterholz Verbund as `verbund org` shows it: six bodies, escalation
// to the IKZ Steuerungsgruppe and the HVB-Runde (§X), and the organigram's boxes and arrows.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { organigramDot } from '../../../src/org/dot';
import { formatOrgText } from '../../../src/org/text';
import { buildOrgView } from '../../../src/org/view';
import { loadChecked, openSource } from '../../../src/pipeline';
import { compileValidators } from '../../../src/schema/compile';

const ROOT = path.join(__dirname, '..', '..', '..');
const TODAY = '2026-11-21';
const gate = loadChecked(openSource(ROOT), { validators: compileValidators(path.join(ROOT, 'schemas', 'governance')), today: TODAY });
if (!('model' in gate)) throw new Error('the shipped data must pass the check');
const view = buildOrgView(gate.model, TODAY);

describe('organisation of the Osterholz Verbund', () => {
  it('has six bodies; every escalation ends at the HVB-Runde, through the Steuerungsgruppe', () => {
    const text = formatOrgText(view);
    expect(text).toContain('Gremien (6) – jede Eskalation endet bei: HVB-Runde\n');
    expect(text).toContain('    legt vor:           IKZ Steuerungsgruppe, HVB-Runde\n');
    expect(text).toContain('    Eskalation:         IKZ Digitalisierung → IKZ Steuerungsgruppe → HVB-Runde\n');
    expect(view.members.map((m) => m.id)).toEqual([
      'gemeinde-grasberg',
      'gemeinde-lilienthal',
      'gemeinde-ritterhude',
      'gemeinde-schwanewede',
      'gemeinde-worpswede',
      'landkreis-osterholz',
      'samtgemeinde-hambergen',
      'stadt-osterholz-scharmbeck',
    ]);
  });

  it('draws every "legt vor" of §X as an arrow of the organigram', () => {
    const dot = organigramDot(view);
    const arrows = [...dot.matchAll(/^ {2}"([a-z-]+)" -> "([a-z-]+)" \[label="legt vor"\];$/gm)].map((m) => `${m[1]}->${m[2]}`);
    expect(arrows.sort()).toEqual([
      'arbeitsgruppen->hvb-runde',
      'arbeitsgruppen->ikz-steuerungsgruppe',
      'ikz-digitalisierung->hvb-runde',
      'ikz-digitalisierung->ikz-steuerungsgruppe',
      'ikz-it->hvb-runde',
      'ikz-it->ikz-steuerungsgruppe',
      'ikz-personal->hvb-runde',
      'ikz-personal->ikz-steuerungsgruppe',
      'ikz-steuerungsgruppe->hvb-runde',
    ]);
    expect(dot).toContain('Organigramm der Zusammenarbeit im Verbund im Landkreis Osterholz');
  });
});
