// verbund init as a new Verbund uses it: from flags or piped answers, the result passes the
// check at once, and nothing existing is ever overwritten.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO, temporaryRoots, verbund } from './support/cli';

const roots = temporaryRoots();
const emptyDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-init-'));
  roots.push(dir);
  return dir;
};
const TEN = [
  'Landkreis Nordheide:Landkreis:lr-nordheide',
  'Stadt Adorf:Stadt:bm-adorf',
  'Gemeinde Bdorf:Gemeinde:bm-bdorf',
  'Gemeinde Cdorf:Gemeinde',
  'Gemeinde Dörpen:Gemeinde',
  'Samtgemeinde Efeld:Samtgemeinde:sgbm-efeld',
  'Flecken Fhausen:Flecken',
  'Gemeinde Gstedt:Gemeinde',
  'Gemeinde Hheim:Gemeinde',
  'Stadt Ister:Große kreisangehörige Stadt:bm-ister',
];

describe('verbund init', () => {
  it('scaffolds ten members from flags; the result passes verbund check at once (open values are warnings)', () => {
    const dir = emptyDir();
    const run = verbund('init', dir, '--name', 'Verbund Nordheide', '--today', '2026-11-30', ...TEN.flatMap((m) => ['--mitglied', m]));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Angelegt: ${path.join(dir, 'governance')} und policies/ (Prüf- und Freigaberegeln), 27 Dateien für „Verbund Nordheide“ (10 Mitglieder).`,
    );
    expect(fs.readdirSync(path.join(dir, 'governance', 'mitglieder')).sort()).toHaveLength(10);
    expect(fs.readdirSync(dir).sort()).toEqual(['governance', 'policies']);
    const check = verbund('check', '--root', dir, '--format', 'json', '--today', '2026-11-30');
    expect(check.code).toBe(0);
    const out = JSON.parse(check.stdout) as { ok: boolean; totals: { errors: number }; findings: { rule: string }[] };
    expect(out.ok).toBe(true);
    expect(out.totals.errors).toBe(0);
    expect(new Set(out.findings.map((f) => f.rule))).toEqual(new Set(['offener-wert']));
    const org = verbund('org', '--root', dir, '--today', '2026-11-30');
    expect(org.code).toBe(0);
    expect(org.stdout).toContain('  Flecken Fhausen (flecken-fhausen), Flecken\n');
    // A kind written as in the law gets a Kennung; views show its wording.
    expect(fs.readFileSync(path.join(dir, 'governance', 'mitglieder', 'stadt-ister.yaml'), 'utf8')).toContain('\nart: Grosse-kreisangehoerige-Stadt\n');
    expect(org.stdout).toContain('  Stadt Ister (stadt-ister), Große kreisangehörige Stadt\n');
  });

  it('asks for name and members when --name is missing (answers piped on standard input)', () => {
    const dir = emptyDir();
    const answers = ['Verbund Süd', 'Landkreis Süd:Landkreis:lr-sued', 'Gemeinde Ahaus:Gemeinde', ''].join('\n');
    const run = spawnSync(process.execPath, [BIN, 'init', dir, '--today', '2026-11-30'], { input: answers, encoding: 'utf8', cwd: REPO });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      'Name des Verbunds: ' +
        'Mitglied 1 als Name:Art[:GitHub-Login] (leere Zeile beendet): ' +
        'Mitglied 2 als Name:Art[:GitHub-Login] (leere Zeile beendet): ' +
        'Mitglied 3 als Name:Art[:GitHub-Login] (leere Zeile beendet): ',
    );
    expect(fs.readFileSync(path.join(dir, 'governance', 'verbund.yaml'), 'utf8')).toContain('mitglieder:\n  - landkreis-sued\n  - gemeinde-ahaus\n');
    expect(verbund('check', '--root', dir, '--today', '2026-11-30').code).toBe(0);
  });

  it('never overwrites an existing governance/ and never leaves a partial one', () => {
    const dir = emptyDir();
    fs.mkdirSync(path.join(dir, 'governance'));
    fs.writeFileSync(path.join(dir, 'governance', 'verbund.yaml'), 'eigene Daten\n');
    const run = verbund('init', dir, '--name', 'Verbund Nord', '--mitglied', 'Gemeinde A:Gemeinde');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `verbund: In „${dir}“ gibt es schon einen Ordner governance/; verbund init überschreibt nichts. Bitte einen leeren Ordner angeben (oder die Daten eines anderen Verbunds vorher entfernen).`,
    );
    expect(fs.readFileSync(path.join(dir, 'governance', 'verbund.yaml'), 'utf8')).toBe('eigene Daten\n');

    const other = emptyDir();
    const bad = verbund('init', other, '--name', 'Verbund Nord', '--mitglied', 'Gemeinde A', '--mitglied', 'Gemeinde B:Gemeinde:x:y');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'verbund: „Gemeinde A“ (--mitglied) hat nicht die Form Name:Art oder Name:Art:GitHub-Login, z. B. "Gemeinde Adorf:Gemeinde:bm-adorf".',
    );
    expect(fs.readdirSync(other)).toEqual([]);
  });
});
