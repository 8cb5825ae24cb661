// The Leitlinie asks for a cost key (goal 5.3) but names none, no resolution and no amount: the
// shipped data record the key as open and no cost item, and `verbund costs` says so.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { REPO, verbund } from '../../support/cli';

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
  JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'output', 'costs.schema.json'), 'utf8')) as object,
);

describe('the Osterholz costs', () => {
  it('record the cost key of goal 5.3 as open, with no item', () => {
    expect(fs.readdirSync(path.join(REPO, 'governance', 'kostenschluessel'))).toEqual(['kostenverteilungsschluessel.yaml']);
    expect(fs.existsSync(path.join(REPO, 'governance', 'kostenposten'))).toBe(false);
  });

  it('on the shipped data (the key still open, no items) says that nothing is recorded and which key is open', () => {
    const open =
      'Kostenschlüssel kostenverteilungsschluessel „Kostenverteilungsschlüssel des Verbunds“ ist noch offen: ' +
      'Die Leitlinie verlangt einen Kostenverteilungsschlüssel (Ziel 5.3, Meilenstein 5.3-M2), nennt aber keinen.';
    expect(verbund('costs', '--root', REPO)).toMatchObject({
      code: 0,
      stdout: `Keine Kostenposten erfasst (governance/kostenposten/): es gibt nichts zu verteilen.\n${open}\n`,
    });
    const run = verbund('costs', '--root', REPO, '--format', 'json');
    const out = JSON.parse(run.stdout) as { items: unknown[] };
    expect(validate(out)).toBe(true);
    expect(out).toMatchObject({ items: [], budgets: [], openKeys: [{ id: 'kostenverteilungsschluessel' }] });
    expect(run.stderr).toBe(`verbund: Keine Kostenposten erfasst (governance/kostenposten/): es gibt nichts zu verteilen.\nverbund: ${open}\n`);
  });
});
