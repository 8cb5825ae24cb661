// verbund check --base REV: a change to the Leitlinie's text or structure must raise its version
// and add it to the document history; a milestone's progress needs neither. Real git in a
// temporary folder: the example Verbund committed as the base, the change in the working tree.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryRoots, verbund } from '../support/cli';
import { baseCheckout } from '../support/git-repo';

const roots = temporaryRoots();
const GOAL = 'governance/ziele/2.1-informationssicherheit.yaml';
const LEITLINIE = 'governance/leitlinie/leitlinie.yaml';
const HISTORIE = 'governance/leitlinie/historie.yaml';

function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file}: ${String(from)} nicht gefunden`);
  fs.writeFileSync(full, changed);
}

const findings = (root: string) =>
  (
    JSON.parse(verbund('check', '--root', root, '--base', 'HEAD', '--format', 'json', '--today', '2026-11-30').stdout) as {
      findings: { rule: string; message: string }[];
    }
  ).findings.filter((f) => f.rule === 'leitlinie-fassung');

describe('verbund check --base: the Leitlinie’s version', () => {
  it('a goal’s text changed without a new version is an error that names the goal; with version and history entry it passes', () => {
    const { root } = baseCheckout(roots);
    edit(root, GOAL, /^aussage: (.*)$/m, 'aussage: $1 Neu gefasst.');
    expect(findings(root)).toEqual(
      [
        {
          rule: 'leitlinie-fassung',
          message:
            'Text oder Aufbau der Leitlinie ändern sich (Ziel 2.1), die Fassung bleibt aber 1.1; bitte die Fassung erhöhen und sie in der Dokumenthistorie eintragen.',
          ...{},
        },
      ].map((f) => expect.objectContaining(f)),
    );
    edit(root, LEITLINIE, 'version: "1.1"', 'version: "1.2"');
    expect(findings(root).map((f) => f.message)).toEqual([
      'Die Leitlinie hat jetzt die Fassung 1.2 (Ziel 2.1); die Dokumenthistorie braucht dafür einen neuen Eintrag (version: "1.2", Datum, Status, Vermerk).',
    ]);
    fs.appendFileSync(path.join(root, HISTORIE), '  - version: "1.2"\n    datum: 2026-11-30\n    status: entwurf\n    vermerk: Ziel 2.1 neu gefasst.\n');
    expect(findings(root)).toEqual([]);
  });

  it('progress is no new version: a milestone reached passes; without --base the rule does not run', () => {
    const { root } = baseCheckout(roots);
    edit(root, GOAL, /status: offen\n/, 'status: erreicht\n    erreichtAm: 2026-11-20\n');
    expect(findings(root)).toEqual([]);
    edit(root, GOAL, /^aussage: (.*)$/m, 'aussage: $1 Neu gefasst.');
    const plain = JSON.parse(verbund('check', '--root', root, '--format', 'json', '--today', '2026-11-30').stdout) as { findings: { rule: string }[] };
    expect(plain.findings.filter((f) => f.rule === 'leitlinie-fassung')).toEqual([]);
    expect(verbund('check', '--root', root, '--base', 'gibt-es-nicht')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--base: Die Revision „gibt-es-nicht“ gibt es'),
    });
  });
});
