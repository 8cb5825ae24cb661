// The Osterholz service catalogue is a proposal: the openDesk components with the goals the
// Leitlinie gives them, none decided, nobody taking part, no stack – the Leitlinie names no
// software and no decision on shared services exists (see stacks/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGovernance } from '../../../src/pipeline';
import { compileValidators } from '../../../src/schema/compile';

const ROOT = path.join(__dirname, '..', '..', '..');
const { model } = checkGovernance(ROOT, { validators: compileValidators(path.join(ROOT, 'schemas', 'governance')), today: '2026-11-21' });

describe('the Osterholz service catalogue', () => {
  it('proposes the openDesk components for the goals that ask for them, and nothing is decided yet', () => {
    expect(model.dienste.map((d) => [d.id, d.status, d.betrieb, d.ziele, d.meilensteine])).toEqual([
      ['element', 'vorgeschlagen', 'einerFuerAlle', ['1.2', '4.2'], ['1.2-M4']],
      ['jitsi', 'vorgeschlagen', 'einerFuerAlle', ['2.3'], ['2.3-M3']],
      ['nextcloud', 'vorgeschlagen', 'jederFuerSich', ['1.2', '4.2'], ['1.2-M4']],
      ['velero', 'vorgeschlagen', 'jederFuerSich', ['1.1'], ['1.1-M2']],
      ['xwiki', 'vorgeschlagen', 'einerFuerAlle', ['4.3'], ['4.3-M2']],
    ]);
    for (const d of model.dienste) expect(d.quelle, d.id).toMatch(/^Folgerung \(nicht im Text\): Vorschlag .* ein Beschluss liegt nicht vor\.$/s);
  });

  it('has no participation, no backup agreement and no stack', () => {
    expect(model.mitglieder.filter((m) => (m.dienste ?? []).length > 0)).toEqual([]);
    expect(model.sicherung).toBeUndefined();
    expect(model.stacks).toEqual([]);
    expect(fs.readdirSync(path.join(ROOT, 'stacks'))).toEqual(['README.md']);
  });
});
