// verbund codeowners writes .github/CODEOWNERS from the rules and identities; --check fails on drift.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeownersText } from '../../src/approvals/codeowners';
import { EXAMPLE } from '../fixture-cases';
import { temporaryRoots, verbund } from '../support/cli';
import { governanceOf } from './scenario';

const roots = temporaryRoots();

describe('verbund codeowners', () => {
  const text = codeownersText(governanceOf().model);

  it('asks each member’s HVB for its own files, all HVB for the rest, and the platform team where a rule names it', () => {
    const lines = text.split('\n');
    expect(lines).toContain('* @bm-birkenfelde @bm-eichwalde @bm-lindenau @bm-musterstadt @lr-heideland @sgbm-am-moorbach');
    expect(lines).toContain('/governance/mitglieder/stadt-musterstadt.yaml @bm-musterstadt');
    expect(lines).toContain('/stacks/Pulumi.flecken-lindenau.yaml @bm-lindenau @musterverbund/plattform');
    expect(lines).toContain('/src/infra/** @musterverbund/plattform');
    expect(lines).toContain('/policies/verbund-pflicht/** @musterverbund/plattform');
    expect(lines).toContain('/policies/** @bm-birkenfelde @bm-eichwalde @bm-lindenau @bm-musterstadt @lr-heideland @musterverbund/plattform @sgbm-am-moorbach');
    // The last matching line wins in CODEOWNERS: a member's stack file comes after /stacks/**.
    expect(lines.indexOf('/stacks/Pulumi.flecken-lindenau.yaml @bm-lindenau @musterverbund/plattform')).toBeGreaterThan(
      lines.indexOf('/stacks/** @musterverbund/plattform'),
    );
    expect(lines[0]).toBe('# Erzeugt von „verbund codeowners“ aus policies/freigaberegeln.yaml und governance/mitglieder/;');
  });

  it('writes the file, and --check passes on it and fails once it drifts', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-codeowners-'));
    roots.push(root);
    for (const dir of ['governance', 'policies']) fs.cpSync(path.join(EXAMPLE, dir), path.join(root, dir), { recursive: true });
    expect(verbund('codeowners', '--root', root, '--check')).toMatchObject({ code: 1 });
    expect(verbund('codeowners', '--root', root)).toMatchObject({ code: 0, stdout: '.github/CODEOWNERS geschrieben.\n' });
    expect(fs.readFileSync(path.join(root, '.github', 'CODEOWNERS'), 'utf8')).toBe(text);
    expect(verbund('codeowners', '--root', root, '--check')).toMatchObject({ code: 0, stderr: '' });
    fs.appendFileSync(path.join(root, '.github', 'CODEOWNERS'), '/x @jemand\n');
    const drift = verbund('codeowners', '--root', root, '--check');
    expect(drift.code).toBe(1);
    expect(drift.stderr).toBe(
      'verbund: .github/CODEOWNERS passt nicht zu den Freigaberegeln und Mitgliedern; bitte „npx verbund codeowners“ ausführen und die Datei committen.\n',
    );
  });

  it('--rev reads rules and members from a commit, not from the working tree', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-codeowners-rev-'));
    roots.push(root);
    for (const dir of ['governance', 'policies']) fs.cpSync(path.join(EXAMPLE, dir), path.join(root, dir), { recursive: true });
    const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
    for (const args of [
      ['init', '-q', '-b', 'main'],
      ['add', '-A'],
      ['commit', '-q', '-m', 'Basis'],
    ])
      spawnSync('git', args, { cwd: root, env });
    fs.rmSync(path.join(root, 'policies', 'freigaberegeln.yaml'));
    expect(verbund('codeowners', '--root', root, '--rev', 'HEAD')).toMatchObject({ code: 0, stdout: '.github/CODEOWNERS geschrieben.\n' });
    expect(fs.readFileSync(path.join(root, '.github', 'CODEOWNERS'), 'utf8')).toBe(text);
  });
});
