// scripts/deploy-stacks.js: which stacks the deploy workflow updates since the last successful
// deployment – with real git and the real CLI on a copy of the example Verbund.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, temporaryRoots } from '../support/cli';
import { edit, EXAMPLE_STACKS, exampleRepository } from './support';

const SCRIPT = path.join(REPO, 'scripts', 'deploy-stacks.js');
const ALL = EXAMPLE_STACKS;

function commit(root: string, message: string): string {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: root, encoding: 'utf8' });
  git('add', '-A');
  git('commit', '-qm', message);
  return git('rev-parse', 'HEAD').trim();
}

function deployStacks(root: string, base?: string): { stacks: string[]; stderr: string } {
  const run = spawnSync(process.execPath, [SCRIPT, ...(base ? [base] : [])], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { stacks: JSON.parse(run.stdout) as string[], stderr: run.stderr };
}

describe('scripts/deploy-stacks.js', () => {
  const roots = temporaryRoots();

  it('deploys every stack without a base, and none when nothing changed', () => {
    const root = exampleRepository(roots);
    expect(deployStacks(root).stacks).toEqual(ALL);
    expect(deployStacks(root, 'HEAD').stacks).toEqual([]);
  });

  it('deploys a stack whose resources change, and one whose settings changed though its plan does not (a rotated secret)', () => {
    const root = exampleRepository(roots);
    const base = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    edit(root, 'governance/mitglieder/gemeinde-birkenfelde.yaml', 'dienste: [element, nextcloud]', 'dienste: [element]');
    edit(root, 'stacks/Pulumi.gemeinde-eichwalde.yaml', /(veleroRepoPasswort:\n    secure: )\S+/, '$1v1:bmV1:bmV1ZXMtcGFzc3dvcnQ=');
    commit(root, 'Austritt aus nextcloud, neues Passwort');
    expect(deployStacks(root, base).stacks).toEqual(['gemeinde-birkenfelde', 'gemeinde-eichwalde']);
  });

  it('deploys every stack when the program changed, and every stack when the base is not an ancestor', () => {
    const root = exampleRepository(roots);
    const base = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    fs.mkdirSync(path.join(root, 'src', 'infra'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'infra', 'neu.ts'), 'export {};\n');
    commit(root, 'Programm');
    expect(deployStacks(root, base).stacks).toEqual(ALL);
    const unrelated = deployStacks(root, '4b825dc642cb6eb9a060e54bf8d69288fbee4904');
    expect(unrelated.stacks).toEqual(ALL);
    expect(unrelated.stderr).toContain('ist kein Vorgänger von HEAD; alle Stacks werden ausgerollt.');
  });

  it('never deploys or destroys the stack of a member that left, and names it for the platform team', () => {
    const root = exampleRepository(roots);
    const base = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    for (const file of [
      'governance/mitglieder/gemeinde-eichwalde.yaml',
      'governance/strategien/gemeinde-eichwalde.yaml',
      'stacks/Pulumi.gemeinde-eichwalde.yaml',
    ])
      fs.rmSync(path.join(root, file));
    edit(root, 'governance/verbund.yaml', /\n\s+- gemeinde-eichwalde/, '');
    edit(
      root,
      'governance/mitglieder/landkreis-heideland.yaml',
      'geteiltMit: [gemeinde-birkenfelde, gemeinde-eichwalde]',
      'geteiltMit: [gemeinde-birkenfelde]',
    );
    edit(root, 'governance/notfall/sicherung.yaml', /\n {2}gemeinde-eichwalde: \S+/, '');
    edit(root, 'governance/notfall/sicherung.yaml', /\n {2}- mitglied: gemeinde-eichwalde\n {4}partner: landkreis-heideland/, '');
    // The cost keys that name the municipalities lose it too (what a member leaving changes in the data).
    for (const key of ['einwohner-gemeinden', 'sockel-und-einwohner', 'verbundumlage'])
      edit(root, `governance/kostenschluessel/${key}.yaml`, ' gemeinde-eichwalde,', '');
    commit(root, 'Austritt');
    const result = deployStacks(root, base);
    // The partner drops the read-only location of the member's backups.
    expect(result.stacks).toEqual(['landkreis-heideland']);
    expect(result.stderr).toContain('::warning::Den Stack „gemeinde-eichwalde“ gibt es nicht mehr; er wird nicht automatisch entfernt.');
  });
});
