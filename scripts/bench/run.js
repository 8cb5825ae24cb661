#!/usr/bin/env node
// `npm run bench`: times `verbund check` on the shipped data and on synthetic Verbünde of
// 100 and 1,000 members, against parsing the same YAML alone and (shipped data) against
// ajv-cli validating the same files with the same schemas. Prints medians and peak memory.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./generate');
const { KIND_FOLDERS } = require('./kinds');

const REPO = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'verbund.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-'));

/** Runs a command RUNS times; median wall time in ms and the highest peak RSS in MiB. */
function measure(args, { expectExit } = { expectExit: 0 }) {
  const rssFile = path.join(tmp, 'rss');
  const times = [];
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['--require', path.join(__dirname, 'peak-rss.js'), ...args], {
      env: { ...process.env, VERBUND_BENCH_RSS: rssFile },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (expectExit !== undefined && run.status !== expectExit) throw new Error(`${args.join(' ')} endete mit ${run.status}:\n${run.stderr}`);
    peak = Math.max(peak, Number(fs.readFileSync(rssFile, 'utf8')) / 1024);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], mib: peak };
}

function errorsOf(root) {
  const run = spawnSync(process.execPath, [BIN, 'check', '--root', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(run.stdout).findings.filter((f) => f.severity === 'error').length;
}

/**
 * ajv-cli takes one schema per call: one call per kind of file, times added up. Its exit code
 * is ignored: it reads YAML 1.1 (js-yaml), where 2025-11-27 becomes a date, not a string, so
 * it rejects valid dates; it still does the whole work being timed.
 */
function ajvCli(root, kinds = Object.keys(KIND_FOLDERS)) {
  const cli = require.resolve('ajv-cli/dist/index.js');
  const schemas = path.join(REPO, 'governance', 'schemas');
  let ms = 0;
  let mib = 0;
  for (const kind of kinds) {
    const pattern = KIND_FOLDERS[kind];
    const result = measure([cli, 'validate', '--spec=draft2020', '--strict=true', '--all-errors', '-c', 'ajv-formats',
      '-s', path.join(schemas, `${kind}.schema.json`), '-r', path.join(schemas, 'common.schema.json'),
      '-d', path.join(root, 'governance', pattern)], { expectExit: undefined });
    ms += result.ms;
    mib = Math.max(mib, result.mib);
  }
  return { ms, mib };
}

function row(label, { check, yaml, jsYaml }) {
  const cell = (ms) => `${ms.toFixed(0).padStart(6)} ms (${(check.ms / ms).toFixed(2)}×)`;
  return `${label.padEnd(28)} ${check.ms.toFixed(0).padStart(6)} ms ${check.mib.toFixed(0).padStart(5)} MiB  ${cell(yaml.ms)}  ${cell(jsYaml.ms)}`;
}

function main() {
  spawnSync(process.execPath, [BIN, '--help']); // build dist/ once, outside the timings
  const roots = { shipped: REPO };
  for (const n of [100, 1000]) {
    roots[n] = path.join(tmp, `verbund-${n}`);
    generate(n, roots[n]);
    const errors = errorsOf(roots[n]);
    if (errors > 0) throw new Error(`Die synthetischen Daten (${n} Mitglieder) haben ${errors} Fehler.`);
  }
  const results = {};
  for (const [label, root] of Object.entries(roots)) {
    results[label] = {
      check: measure([BIN, 'check', '--root', root, '--format', 'json']),
      yaml: measure([path.join(__dirname, 'parse-only.js'), root, 'yaml']),
      jsYaml: measure([path.join(__dirname, 'parse-only.js'), root, 'js-yaml']),
    };
  }
  const ajv = ajvCli(REPO);
  const ajvGoals = ajvCli(REPO, ['ziel']);
  const lines = [
    `verbund check – Median aus ${RUNS} Läufen (Node ${process.version}, ${os.cpus().length} Kerne)`,
    'Daten                        check    Spitze   nur Parsen: yaml        nur Parsen: js-yaml',
    '                                      Speicher (check im Verhältnis)',
    row('Ausgelieferte Daten', results.shipped),
    row('Synthetisch, 100 Mitglieder', results[100]),
    row('Synthetisch, 1000 Mitglieder', results[1000]),
    '',
    `ajv-cli validate, ausgelieferte Daten (${Object.keys(KIND_FOLDERS).length} Aufrufe, je Art einer): ${ajv.ms.toFixed(0)} ms`,
    `ajv-cli validate, nur die 15 Ziele (ein Aufruf, größte Art):        ${ajvGoals.ms.toFixed(0)} ms`,
    `Ziel: check ≤ ajv-cli                      ${verdict(results.shipped.check.ms <= ajv.ms)} (${results.shipped.check.ms.toFixed(0)} ms ≤ ${ajv.ms.toFixed(0)} ms)`,
    `Ziel: 1000 Mitglieder < 1,5 s             ${verdict(results[1000].check.ms < 1500)} (${results[1000].check.ms.toFixed(0)} ms)`,
    `Ziel: 1000 Mitglieder < 300 MB Speicher   ${verdict(results[1000].check.mib * 1.048576 < 300)} (${(results[1000].check.mib * 1.048576).toFixed(0)} MB)`,
    `Ziel: 10× Daten ≤ 12× Zeit                ${verdict(results[1000].check.ms / results[100].check.ms <= 12)} (${(results[1000].check.ms / results[100].check.ms).toFixed(2)}×)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  fs.rmSync(tmp, { recursive: true, force: true });
  return lines.some((l) => l.includes('VERFEHLT')) ? 1 : 0;
}

function verdict(ok) {
  return ok ? 'erreicht' : 'VERFEHLT';
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exitCode = 2;
}
