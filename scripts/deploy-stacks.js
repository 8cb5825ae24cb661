#!/usr/bin/env node
// Which stacks a deployment must update, since BASE (the last commit deployed successfully):
//   node scripts/deploy-stacks.js [BASE]   → prints a JSON list of stack ids on stdout
// A stack is deployed when its resources change (verbund plan --base BASE), when its settings
// file stacks/Pulumi.<stack>.yaml changed (a rotated secret or a new cluster context do not
// show in the plan), or when the program changed (src/, schemas/, Pulumi.yaml, the packages,
// the policy pack): then every stack. Without BASE (first run, or BASE is not an ancestor of
// HEAD), every stack. A stack that no longer exists is never destroyed automatically: it is
// named on stderr (as a GitHub warning) for the platform team to destroy by hand.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const BIN = path.join(__dirname, '..', 'bin', 'verbund.js');
/** Paths whose change can change what every stack deploys. */
const PROGRAM = ['src/', 'schemas/', 'Pulumi.yaml', 'package.json', 'package-lock.json', 'policies/verbund-pflicht/'];

function run(command, args, root) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fail(message) {
  process.stderr.write(`deploy-stacks: ${message}\n`);
  process.exit(2);
}

/** The plan of the work tree (with --base: and the changes against it), or exit 2 with the CLI's message. */
function plan(root, base) {
  const args = [BIN, 'plan', '--root', root, '--format', 'json', ...(base ? ['--base', base] : [])];
  const result = run(process.execPath, args, root);
  if (result.code !== 0) fail(`verbund plan endete mit ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

function stacksToDeploy(root, base) {
  const usable = base && run('git', ['merge-base', '--is-ancestor', base, 'HEAD'], root).code === 0;
  if (!usable) {
    if (base) process.stderr.write(`deploy-stacks: ${base} ist kein Vorgänger von HEAD; alle Stacks werden ausgerollt.\n`);
    return { deploy: plan(root).stacks.map((s) => s.stack), removed: [] };
  }
  const diff = run('git', ['diff', '--name-only', base, 'HEAD'], root);
  if (diff.code !== 0) fail(`git diff ${base} HEAD: ${diff.stderr}`);
  const files = diff.stdout.split('\n').filter(Boolean);
  const programChanged = files.some((f) => PROGRAM.some((p) => (p.endsWith('/') ? f.startsWith(p) : f === p)));
  const stacks = plan(root, base).stacks;
  const existing = stacks.filter((s) => s.resources.length > 0);
  const changed = (s) => s.changes.cluster !== undefined || s.changes.added.length + s.changes.removed.length + s.changes.changed.length > 0;
  const deploy = existing.filter((s) => programChanged || changed(s) || files.includes(`stacks/Pulumi.${s.stack}.yaml`)).map((s) => s.stack);
  const removed = stacks.filter((s) => s.resources.length === 0).map((s) => s.stack);
  return { deploy, removed };
}

if (require.main === module) {
  const base = process.argv[2] || undefined;
  const { deploy, removed } = stacksToDeploy(process.cwd(), base);
  for (const stack of removed) {
    process.stderr.write(
      `::warning::Den Stack „${stack}“ gibt es nicht mehr; er wird nicht automatisch entfernt. Das Plattformteam sichert die Daten und führt „pulumi destroy --stack ${stack}“ und „pulumi stack rm ${stack}“ aus.\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(deploy)}\n`);
}

module.exports = { stacksToDeploy };
