// The README's promises that a test can hold: what the adoption guide tells people to delete
// and run exists, and the YAML is never called the binding text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('calls the approved document binding, never the YAML', () => {
    expect(README).not.toMatch(/verbindliche Fassung/);
    expect(README).toMatch(/verbindlich ist das von den HVB beschlossene Dokument/);
  });

  it('step 2 of the adoption guide removes exactly the paths that hold this Verbund’s data', () => {
    const command = /`git rm -r ([^`]+)`/.exec(README)![1]!.split(' ');
    expect(command).toEqual(['governance', 'test/daten/osterholz', 'docs/quellen', 'policies/pruefregeln.yaml', 'policies/freigaberegeln.yaml']);
    for (const entry of command) expect(fs.existsSync(path.join(ROOT, entry)), entry).toBe(true);
  });

  it('names scripts and examples that exist', () => {
    for (const file of ['scripts/update-tool.js', 'examples/musterverbund/README.md', 'docs/schemas.md']) {
      expect(README).toContain(file.startsWith('examples') ? 'examples/musterverbund/' : file);
      expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
    }
  });

  it('shows `verbund costs` on the example Verbund exactly as it prints', () => {
    const shown = /```console\n\$ npx verbund costs (.+)\n([\s\S]*?)```/.exec(README)!;
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'verbund.js'), 'costs', ...shown[1]!.split(' ')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(shown[2]);
  });
});
