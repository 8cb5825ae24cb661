// Stack settings are checked like governance: a plaintext secret, an unknown key, a file
// named for no member, and a Pulumi file that is not YAML are findings with file and line,
// never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryRoots, verbund } from '../support/cli';
import { edit, exampleRepository } from './support';

type Report = { ok: boolean; findings: { rule: string; file: string; line: number; column: number; message: string }[] };
const check = (root: string) => JSON.parse(verbund('check', '--root', root, '--format', 'json').stdout) as Report;

describe('stacks/ in verbund check', () => {
  const roots = temporaryRoots();

  it('rejects a secret written in plaintext, at its line, and says how to set it', () => {
    const root = exampleRepository(roots);
    edit(
      root,
      'stacks/Pulumi.gemeinde-eichwalde.yaml',
      /  verbund-infrastruktur:veleroRepoPasswort:\n    secure: \S+\n/,
      '  verbund-infrastruktur:veleroRepoPasswort: klartext-passwort-123\n',
    );
    const report = check(root);
    expect(report.ok).toBe(false);
    const finding = report.findings.find((f) => f.file === 'stacks/Pulumi.gemeinde-eichwalde.yaml')!;
    expect(finding).toMatchObject({ rule: 'schema', line: 12, column: 45 });
    expect(finding.message).toContain('pulumi config set --secret');
  });

  it('reports an unknown key, a badly named stack file and a broken one; other files in stacks/ are left alone', () => {
    const root = exampleRepository(roots);
    edit(root, 'stacks/Pulumi.verbund.yaml', 'config:\n', 'config:\n  verbund-infrastruktur:domian: x.example\n');
    fs.writeFileSync(path.join(root, 'stacks', 'Pulumi.Gemeinde_A.yaml'), 'config: {}\n');
    fs.writeFileSync(path.join(root, 'stacks', 'Pulumi.gemeinde-eichwalde.yaml'), 'config: [\n');
    fs.writeFileSync(path.join(root, 'stacks', 'NOTIZEN.txt'), 'frei\n');
    const report = check(root);
    const inStacks = report.findings.filter((f) => f.file.startsWith('stacks/')).map((f) => `${f.file}:${f.line} ${f.rule}`);
    expect(inStacks).toEqual([
      'stacks/Pulumi.Gemeinde_A.yaml:1 datei-unbekannt',
      'stacks/Pulumi.gemeinde-eichwalde.yaml:2 yaml-syntax',
      'stacks/Pulumi.verbund.yaml:5 schema',
    ]);
    expect(verbund('check', '--root', root).stderr).not.toMatch(/\n\s+at /);
  });
});
