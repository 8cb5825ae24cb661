#!/usr/bin/env node
// `npm run bench` (second part): times `verbund plan --all` on Verbünde cloned from the example
// Verbund with their stacks (generate.js), 8 and 100 members (one stack each plus the Verbund
// stack), against a floor measured in the same run on the same data: `verbund check`, which
// every plan runs first. Prints medians of BENCH_RUNS runs (default 3) and a verdict per
// target; exits 0 whether or not the targets are met, 2 if a run fails.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./generate');
const { de, median, timedVerbund } = require('./measure');

const REPO = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'musterverbund');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const TARGETS = { ms8: 3000, ms100: 30000, growth: 1.5 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-plan-'));

function measure(n) {
  const root = path.join(tmp, `verbund-${n}`);
  generate(n, root, { templates: path.join(EXAMPLE, 'governance'), policies: path.join(EXAMPLE, 'policies') });
  const floor = [];
  const plan = [];
  let stacks = 0;
  for (let i = 0; i < RUNS; i++) {
    floor.push(timedVerbund(['check', '--root', root]).ms);
    const run = timedVerbund(['plan', '--all', '--root', root, '--format', 'json']);
    plan.push(run.ms);
    stacks = JSON.parse(run.stdout).stacks.length;
  }
  process.stderr.write(`bench: ${n} Mitglieder, ${stacks} Stacks: plan ${plan.map(Math.round).join(', ')} ms; check ${floor.map(Math.round).join(', ')} ms\n`);
  return { n, stacks, plan: median(plan), floor: median(floor) };
}

function main() {
  timedVerbund(['--help']); // build dist/ if stale, outside the timings
  const [small, large] = [measure(8), measure(100)];
  const perStack = (c) => (c.plan - c.floor) / c.stacks;
  const growth = perStack(large) / perStack(small);
  const verdict = (ok) => (ok ? 'erreicht' : 'VERFEHLT');
  const lines = [
    `verbund plan --all – Median aus ${RUNS} Läufen (Node ${process.version}, ${os.cpus().length} Kerne)`,
    'Boden: verbund check derselben Daten (jeder Plan prüft zuerst).',
    '',
    `${'Daten'.padEnd(36)}${'Stacks'.padStart(8)}${'plan'.padStart(12)}${'Boden'.padStart(11)}${'je Stack'.padStart(12)}`,
    ...[small, large].map(
      (c) =>
        `${`Musterverbund, ${c.n} Mitglieder`.padEnd(36)}${String(c.stacks).padStart(8)}${`${de(c.plan)} ms`.padStart(12)}${`${de(c.floor)} ms`.padStart(11)}${`${de(perStack(c), 1)} ms`.padStart(12)}`,
    ),
    '',
    `Ziel: 8 Mitglieder < ${de(TARGETS.ms8)} ms                                  ${verdict(small.plan < TARGETS.ms8)} (${de(small.plan)} ms)`,
    `Ziel: 100 Mitglieder < ${de(TARGETS.ms100)} ms                              ${verdict(large.plan < TARGETS.ms100)} (${de(large.plan)} ms)`,
    `Ziel: linear – Zeit je Stack (über dem Boden) bei 100 ≤ ${de(TARGETS.growth, 1)}× der bei 8  ${verdict(growth <= TARGETS.growth)} (${de(growth, 2)}×)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 2;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
