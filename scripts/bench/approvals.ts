// Benchmark of the approval check: `verbund approvals --repo --pr` for a pull request with
// 1,000 changed files and 200 reviews, against the local fake GitHub (answers not schema-
// checked here, so that only the tool is measured), with the Node.js start of the CLI
// (`verbund --help`) as the floor measured in the same run. Target: under 2 s.
//   npm run bench:approvals
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeGithub } from '../../test/support/fake-github';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'verbund.js');
const EXAMPLE = path.join(ROOT, 'examples', 'musterverbund');
const RUNS = 5;
const TARGET_MS = 2000;
const HVB = [
  { id: 1001, login: 'bm-lindenau' },
  { id: 1002, login: 'bm-birkenfelde' },
  { id: 1003, login: 'bm-eichwalde' },
  { id: 1004, login: 'lr-heideland' },
  { id: 1005, login: 'sgbm-am-moorbach' },
  { id: 1006, login: 'bm-musterstadt' },
];

function repository(): { root: string; base: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-approvals-'));
  for (const dir of ['governance', 'policies']) fs.cpSync(path.join(EXAMPLE, dir), path.join(root, dir), { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 'B', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'B', GIT_COMMITTER_EMAIL: 'b@example.org' };
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env }).stdout.trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Basis');
  return { root, base: git('rev-parse', 'HEAD') };
}

function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      if (code === 2) process.stderr.write(stderr);
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, code });
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const de = (ms: number) => `${Math.round(ms).toLocaleString('de-DE')} ms`;

async function main(): Promise<void> {
  const { root, base } = repository();
  const head = 'a'.repeat(40);
  const files = Array.from({ length: 1000 }, (_, i) => ({ filename: i % 2 ? `governance/ziele/9.${i}-ziel.yaml` : `docs/seite-${i}.md` }));
  const reviews = Array.from({ length: 200 }, (_, i) => {
    const user = i < 194 ? { id: 5000 + i, login: `kommentar-${i}` } : HVB[i - 194]!;
    const minute = String(i % 60).padStart(2, '0');
    return { id: i + 1, user, state: i < 194 ? ('COMMENTED' as const) : ('APPROVED' as const), submitted_at: `2026-11-30T09:${minute}:00Z`, commit_id: head };
  });
  const fake = await FakeGithub.start(
    {
      owner: 'musterverbund',
      repo: 'governance',
      pull: { number: 42, author: { id: 9000, login: 'referentin-digital' }, body: '', baseSha: base, headSha: head },
      files,
      reviews,
      commits: { [head]: 'e'.repeat(40) },
      teams: { 'musterverbund/plattform': [] },
    },
    { validate: false },
  );
  const env = { ...process.env, GITHUB_TOKEN: 'bench' };
  const args = ['approvals', '--repo', 'musterverbund/governance', '--pr', '42', '--api-url', fake.url, '--format', 'json'];
  const floor: number[] = [];
  const check: number[] = [];
  let code: number | null = null;
  for (let i = 0; i < RUNS; i++) {
    floor.push((await timed(['--help'], root, env)).ms);
    const run = await timed(args, root, env);
    check.push(run.ms);
    code = run.code;
  }
  await fake.close();
  fs.rmSync(root, { recursive: true, force: true });
  const verdict = median(check) < TARGET_MS && code === 0 ? 'erreicht' : 'VERFEHLT';
  console.log(`approvals: 1.000 Pfade, 200 Reviews – ${de(median(check))} (Boden „verbund --help“ ${de(median(floor))}; Läufe: ${check.map((m) => Math.round(m)).join(', ')} ms; Rückgabe ${code})`);
  console.log(`Ziel: unter ${de(TARGET_MS)}  ${verdict}`);
  if (verdict !== 'erreicht') process.exitCode = 1;
}

void main();
