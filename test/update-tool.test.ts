// scripts/update-tool.js takes the tool's updates and keeps the Verbund's own data: with real
// git repositories, an origin that changes tool and Osterholz data, and an adopter that
// replaced the data with its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryRoots } from './support/cli';

const SCRIPT = path.join(__dirname, '..', 'scripts', 'update-tool.js');
const roots = temporaryRoots();
const ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', env: ENV });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
}
function write(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
}
const read = (root: string, file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const tracked = (root: string) => git(root, 'ls-files').split('\n').sort();

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-update-'));
  roots.push(dir);
  const origin = path.join(dir, 'origin');
  fs.mkdirSync(origin);
  git(origin, 'init', '-q', '-b', 'main');
  write(origin, {
    'src/tool.ts': 'v1\n',
    'governance/verbund.yaml': 'osterholz v1\n',
    'test/daten/osterholz/a.test.ts': 'a1\n',
    'docs/quellen/leitlinie.txt': 'text\n',
    'policies/pruefregeln.yaml': 'osterholz\n',
    'policies/README.md': 'tool\n',
  });
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'v1');
  const adopter = path.join(dir, 'adopter');
  git(dir, 'clone', '-q', origin, adopter);
  git(adopter, 'remote', 'rename', 'origin', 'werkzeug');
  git(adopter, 'rm', '-q', '-r', 'governance', 'test/daten/osterholz', 'docs/quellen', 'policies/pruefregeln.yaml');
  write(adopter, { 'governance/verbund.yaml': 'nordheide\n', 'governance/mitglieder/a.yaml': 'a\n', 'policies/pruefregeln.yaml': 'nordheide\n' });
  git(adopter, 'add', '-A');
  git(adopter, 'commit', '-q', '-m', 'Eigener Verbund');
  return { origin, adopter };
}

describe('scripts/update-tool.js', () => {
  it('takes the tool’s changes and leaves the Verbund’s data exactly as it was', () => {
    const { origin, adopter } = setup();
    write(origin, {
      'src/tool.ts': 'v2\n',
      'governance/verbund.yaml': 'osterholz v2\n',
      'governance/strategien/neu.yaml': 'neu\n',
      'test/daten/osterholz/a.test.ts': 'a2\n',
      'test/daten/osterholz/b.test.ts': 'b\n',
      'policies/README.md': 'tool v2\n',
    });
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'v2');
    const before = tracked(adopter);
    git(adopter, 'fetch', '-q', 'werkzeug');
    const run = spawnSync(process.execPath, [SCRIPT, 'werkzeug/main'], { cwd: adopter, encoding: 'utf8', env: ENV });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('Werkzeug aus werkzeug/main übernommen; die Daten des Verbunds sind unverändert. Jetzt: npm ci && npm test\n');
    expect(read(adopter, 'src/tool.ts')).toBe('v2\n');
    expect(read(adopter, 'policies/README.md')).toBe('tool v2\n');
    expect(read(adopter, 'governance/verbund.yaml')).toBe('nordheide\n');
    expect(read(adopter, 'policies/pruefregeln.yaml')).toBe('nordheide\n');
    expect(tracked(adopter)).toEqual(before);
    expect(git(adopter, 'status', '--porcelain')).toBe('');
    expect(git(adopter, 'log', '-1', '--format=%s')).toBe('Werkzeug aktualisiert aus werkzeug/main');
  });

  it('refuses to start on unsaved changes, and stops with the list when a tool file conflicts', () => {
    const { origin, adopter } = setup();
    write(adopter, { 'src/tool.ts': 'eigene Änderung\n' });
    const dirty = spawnSync(process.execPath, [SCRIPT, 'werkzeug/main'], { cwd: adopter, encoding: 'utf8', env: ENV });
    expect(dirty.status).toBe(2);
    expect(dirty.stderr).toBe('update-tool: Das Arbeitsverzeichnis hat ungesicherte Änderungen; bitte erst committen oder verwerfen.\n');
    git(adopter, 'commit', '-q', '-am', 'Werkzeug selbst geändert');
    write(origin, { 'src/tool.ts': 'v2\n' });
    git(origin, 'commit', '-q', '-am', 'v2');
    git(adopter, 'fetch', '-q', 'werkzeug');
    const run = spawnSync(process.execPath, [SCRIPT, 'werkzeug/main'], { cwd: adopter, encoding: 'utf8', env: ENV });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('update-tool: Konflikte in Dateien des Werkzeugs, bitte von Hand lösen und dann „git commit“:\n  src/tool.ts\n');
  });
});
