// The two file sources give the loader the same view: the working tree, and a git tree at a
// commit read without a checkout, with a fixed number of git processes however many files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSource } from '../pipeline';
import { compileValidators } from '../schema/compile';
import { BASE } from '../../test/fixture-cases';
import { GitSource, GitSourceError } from './git-source';
import { WorktreeSource } from './worktree-source';

const validators = compileValidators(path.join(__dirname, '..', '..', 'schemas', 'governance'));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' },
  });
}

/** A repository with the base fixture committed, then a broken working tree on top. */
function repository(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-git-'));
  dirs.push(root);
  fs.cpSync(BASE, root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'Basis');
  fs.writeFileSync(path.join(root, 'governance', 'verbund.yaml'), 'kaputt: [\n');
  return root;
}

const TODAY = '2026-11-21';

describe('file sources', () => {
  it('checks a commit without checking it out, while the working tree is broken', () => {
    const root = repository();
    const worktree = checkSource(new WorktreeSource(root), { validators, today: TODAY });
    expect(worktree.ok).toBe(false);
    expect(worktree.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toContain('yaml-syntax governance/verbund.yaml:2');
    const committed = checkSource(new GitSource(root, 'HEAD'), { validators, today: TODAY });
    expect(committed.findings).toEqual([]);
    expect(committed.ok).toBe(true);
    expect(committed.files).toBe(worktree.files);
  });

  it('gives the same findings at the same lines from both sources', () => {
    const root = repository();
    fs.writeFileSync(
      path.join(root, 'governance', 'verbund.yaml'),
      fs.readFileSync(path.join(BASE, 'governance', 'verbund.yaml'), 'utf8').replace(/^name: .*$/m, 'name: 42'),
    );
    git(root, 'commit', '-q', '-am', 'Name als Zahl');
    const fromTree = checkSource(new WorktreeSource(root), { validators, today: TODAY });
    const fromGit = checkSource(new GitSource(root, 'main'), { validators, today: TODAY });
    expect(fromGit.findings).toEqual(fromTree.findings);
    expect(fromGit.findings.map((f) => f.rule)).toEqual(['schema']);
  });

  it('runs three git processes per load, however many files there are', () => {
    const root = repository();
    const trace = path.join(root, '..', `${path.basename(root)}.trace`);
    dirs.push(trace);
    process.env.GIT_TRACE2_EVENT = trace;
    try {
      new GitSource(root, 'HEAD');
    } finally {
      delete process.env.GIT_TRACE2_EVENT;
    }
    const starts = fs
      .readFileSync(trace, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"event":"start"'));
    expect(starts.map((line) => JSON.parse(line).argv[3])).toEqual(['rev-parse', 'ls-tree', 'cat-file']);
  });

  it('refuses an unknown revision and option-like revisions with a German message', () => {
    const root = repository();
    expect(() => new GitSource(root, 'gibt-es-nicht')).toThrow(
      new GitSourceError(`Die Revision „gibt-es-nicht“ gibt es in ${root} nicht (oder es ist kein Git-Repository).`),
    );
    expect(() => new GitSource(root, '--output=/tmp/x')).toThrow(GitSourceError);
  });

  it('reports a symbolic link committed into governance/', () => {
    const root = repository();
    fs.symlinkSync('/etc/passwd', path.join(root, 'governance', 'mitglieder', 'fremd.yaml'));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'Link');
    const result = checkSource(new GitSource(root, 'HEAD'), { validators, today: TODAY });
    expect(result.findings.filter((f) => f.rule === 'datei-unbekannt').map((f) => `${f.file}: ${f.message}`)).toEqual([
      'governance/mitglieder/fremd.yaml: Symbolische Verknüpfungen sind in governance/ nicht erlaubt.',
    ]);
  });

  it('reads the same folder of the commit when the root is a folder inside the repository', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-git-'));
    dirs.push(repo);
    fs.cpSync(BASE, path.join(repo, 'examples', 'musterverbund'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'README.md'), 'x\n');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Beispiel');
    const root = path.join(repo, 'examples', 'musterverbund');
    const fromGit = checkSource(new GitSource(root, 'HEAD'), { validators, today: TODAY });
    const fromTree = checkSource(new WorktreeSource(root), { validators, today: TODAY });
    expect(fromGit.files).toBe(14);
    expect(fromGit.findings).toEqual(fromTree.findings);
  });

  it('reports a governance/ folder committed as a symbolic link instead of calling it missing', () => {
    const root = repository();
    fs.renameSync(path.join(root, 'governance'), path.join(root, 'daten'));
    fs.symlinkSync('daten', path.join(root, 'governance'));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'Link');
    const result = checkSource(new GitSource(root, 'HEAD'), { validators, today: TODAY });
    expect(result.findings.map((f) => `${f.rule} ${f.file} ${f.message}`)).toEqual([
      'datei-unlesbar governance/ Der Ordner ist im Commit eine symbolische Verknüpfung; aus einem Commit (--rev) werden nur echte Ordner gelesen.',
    ]);
  });

  it('refuses a governance/ folder that links outside the root, and follows one inside', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-outside-'));
    dirs.push(outside);
    fs.cpSync(path.join(BASE, 'governance'), path.join(outside, 'governance'), { recursive: true });
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-link-'));
    dirs.push(root);
    fs.symlinkSync(path.join(outside, 'governance'), path.join(root, 'governance'));
    const refused = checkSource(new WorktreeSource(root), { validators, today: TODAY });
    expect(refused.findings.map((f) => `${f.rule} ${f.file}`)).toContain('datei-unlesbar governance/');
    const inside = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-link-'));
    dirs.push(inside);
    fs.cpSync(BASE, path.join(inside, 'examples'), { recursive: true });
    fs.symlinkSync(path.join(inside, 'examples', 'governance'), path.join(inside, 'governance'));
    expect(checkSource(new WorktreeSource(inside), { validators, today: TODAY }).findings).toEqual([]);
  });
});
