// The example Verbund (examples/musterverbund/) is the tool's complete data set: fiction only,
// laid out like a repository root, every file validated by the editor through its schema line.
// That it passes the check with zero findings is tested in cli.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { EXAMPLE } from './fixture-cases';

// The schemas link leads to the tool's own files (schemas/crds holds YAML too): not the Verbund's.
const files = (fs.readdirSync(EXAMPLE, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml') && !f.startsWith('schemas')).sort();

it('has the layout of a repository root: governance/ with every kind of file, policies/ and stacks/', () => {
  const folders = [...new Set(files.map((f) => path.dirname(f)))].sort();
  expect(folders).toEqual(
    [
      'ausnahmen',
      'dienste',
      'dimensionen',
      'gremien',
      'kostenposten',
      'kostenschluessel',
      'leitlinie',
      'mitglieder',
      'notfall',
      'ressourcen',
      'strategien',
      'ziele',
    ]
      .map((f) => path.join('governance', f))
      .concat(['governance', 'policies', 'stacks'])
      .sort(),
  );
  expect(files.length).toBe(59);
});

it('names in each file’s first line its schema, which the editor finds through the schemas link', () => {
  for (const file of files) {
    const first = fs.readFileSync(path.join(EXAMPLE, file), 'utf8').split('\n')[0]!;
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, file).not.toBeNull();
    const schema = path.resolve(path.dirname(path.join(EXAMPLE, file)), match![1]!);
    expect(path.relative(EXAMPLE, schema).startsWith(path.join('schemas', 'governance') + path.sep), file).toBe(true);
    expect(fs.existsSync(schema), `${file}: ${match![1]}`).toBe(true);
  }
  expect(fs.readlinkSync(path.join(EXAMPLE, 'schemas'))).toBe(path.join('..', '..', 'schemas'));
});

it('is fiction: every e-mail address and link is on a .example domain, and the README says so', () => {
  // The service catalogue describes real software (its project and chart links are real).
  const text = files
    .filter((f) => !f.startsWith(path.join('governance', 'dienste')))
    .map((f) => fs.readFileSync(path.join(EXAMPLE, f), 'utf8'))
    .join('\n');
  const addresses = [...text.matchAll(/[\w.+-]+@([\w.-]+)/g)].map((m) => m[1]!);
  const links = [...text.matchAll(/https?:\/\/([^/\s"']+)/g)].map((m) => m[1]!);
  expect(addresses.length).toBeGreaterThan(50);
  // Three links in the data, the storage endpoints of the two members that keep backups, and the OParl address of a resolution.
  expect(links.length).toBe(6);
  for (const domain of [...addresses, ...links]) expect(domain).toMatch(/\.example$/);
  expect(fs.readFileSync(path.join(EXAMPLE, 'README.md'), 'utf8')).toContain('**Alles in diesem Ordner ist Fiktion.**');
});

it('gives every member an HVB, a deputy, an expired and an active delegation, and a Digitallotse per Fachdienst', () => {
  const today = '2026-11-21';
  for (const file of files.filter((f) => f.startsWith(path.join('governance', 'mitglieder')))) {
    const m = parse(fs.readFileSync(path.join(EXAMPLE, file), 'utf8'));
    expect(
      [m.hvb.amt, m.hvb.name, m.hvb.github].every((v) => typeof v === 'string'),
      file,
    ).toBe(true);
    expect(
      [m.vertretung.amt, m.vertretung.name, m.vertretung.github].every((v) => typeof v === 'string'),
      file,
    ).toBe(true);
    const periods = (m.delegationen as { gueltig: { von: string; bis: string } }[]).map((d) => d.gueltig);
    expect(
      periods.some((p) => p.bis < today),
      `${file}: abgelaufene Delegation`,
    ).toBe(true);
    expect(
      periods.some((p) => p.von <= today && today <= p.bis),
      `${file}: gültige Delegation`,
    ).toBe(true);
    const fachdienste = (m.einheiten as { id: string; art: string }[]).filter((e) => e.art === 'fachdienst').map((e) => e.id);
    const lotsen = (m.rollen as { rolle: string; einheit?: string }[]).filter((r) => r.rolle === 'digitallotse').map((r) => r.einheit);
    expect(lotsen.sort(), file).toEqual(fachdienste.sort());
  }
});
