// Real git repositories in temporary folders for tests: the example Verbund committed as the
// base a pull request rests on, and the CLI run asynchronously (a fake GitHub in this process answers it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXAMPLE } from '../fixture-cases';
import { BIN } from './cli';

export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'T',
  GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 'T',
  GIT_COMMITTER_EMAIL: 't@example.org',
};

/** The example Verbund as a git repository with its base commit checked out, as the workflow has it. */
export function baseCheckout(roots: string[]): { root: string; base: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-git-'));
  roots.push(root);
  for (const dir of ['governance', 'policies']) fs.cpSync(path.join(EXAMPLE, dir), path.join(root, dir), { recursive: true });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env: GIT_ENV }).stdout.trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Basis');
  return { root, base: git('rev-parse', 'HEAD') };
}

/** Runs the CLI asynchronously with GITHUB_TOKEN set. */
export function verbundAsync(root: string, token: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: root, env: { ...process.env, GITHUB_TOKEN: token } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
