#!/usr/bin/env node
// Takes the tool's updates from its origin (a git ref, default werkzeug/main) into a Verbund's
// own repository, and keeps the Verbund's data as it is: whatever the origin changed under the
// data paths (its own Verbund's data) is undone, files it added there are dropped. Stops with
// the list when a tool file conflicts (the Verbund changed a tool file too).
//   git remote add werkzeug https://github.com/OWNER/verbund-gitops.git && git fetch werkzeug
//   node scripts/update-tool.js [REF]
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** What belongs to the Verbund, not to the tool (see README, "Für andere Verbünde"). */
const DATA = ['governance', 'stacks', 'test/daten', 'docs/quellen', 'policies/pruefregeln.yaml', 'policies/freigaberegeln.yaml'];

function git(args, { allowFail = false } = {}) {
  const run = spawnSync('git', args, { encoding: 'utf8' });
  if (run.status !== 0 && !allowFail) fail(`git ${args.join(' ')} ist fehlgeschlagen:\n${run.stderr.trim()}`);
  return run;
}

function fail(message) {
  process.stderr.write(`update-tool: ${message}\n`);
  process.exit(2);
}

const lines = (text) => text.split('\n').filter(Boolean);

function main() {
  const ref = process.argv[2] ?? 'werkzeug/main';
  if (lines(git(['status', '--porcelain']).stdout).length > 0) fail('Das Arbeitsverzeichnis hat ungesicherte Änderungen; bitte erst committen oder verwerfen.');
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { allowFail: true }).status === 0 ||
    fail(`„${ref}“ ist kein Commit; erst „git fetch werkzeug“?`);
  const merge = git(['merge', '--no-commit', '--no-ff', ref], { allowFail: true });
  if (merge.status !== 0 && !fs.existsSync(path.join(git(['rev-parse', '--git-dir']).stdout.trim(), 'MERGE_HEAD'))) {
    if (/Already up to date|Bereits aktuell/i.test(merge.stdout)) return console.log('Das Werkzeug ist schon aktuell.');
    fail(`git merge ${ref} ist fehlgeschlagen:\n${merge.stderr.trim() || merge.stdout.trim()}`);
  }
  keepOwnData();
  const conflicts = lines(git(['diff', '--name-only', '--diff-filter=U']).stdout);
  if (conflicts.length > 0) {
    process.stderr.write(
      `update-tool: Konflikte in Dateien des Werkzeugs, bitte von Hand lösen und dann „git commit“:\n${conflicts.map((f) => `  ${f}\n`).join('')}`,
    );
    process.exit(1);
  }
  git(['commit', '--no-edit', '--quiet', '-m', `Werkzeug aktualisiert aus ${ref}`]);
  console.log(`Werkzeug aus ${ref} übernommen; die Daten des Verbunds sind unverändert. Jetzt: npm ci && npm test`);
}

/** Every data path as it is at our HEAD: ours restored, the origin's additions removed. */
function keepOwnData() {
  const ours = new Set(lines(git(['ls-tree', '-r', '--name-only', 'HEAD', '--', ...DATA]).stdout));
  const touched = new Set([...lines(git(['ls-files', '--', ...DATA]).stdout), ...lines(git(['diff', '--name-only', '--diff-filter=U', '--', ...DATA]).stdout)]);
  const restore = [...ours];
  const drop = [...touched].filter((file) => !ours.has(file));
  if (restore.length > 0) git(['checkout', 'HEAD', '--', ...restore]);
  if (drop.length > 0) git(['rm', '-q', '-f', '--', ...drop]);
}

main();
