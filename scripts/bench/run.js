#!/usr/bin/env node
// `npm run bench`: times `verbund check` on the shipped data and on realistic generated
// Verbünde (100, 1,000 and, unless BENCH_SKIP_MOONSHOT=1, 11,000 members, see generate.js)
// against a floor measured in the same run on the same files: a node process that starts
// and parses every YAML file once with `yaml`. Prints medians of BENCH_RUNS runs (default 5),
// peak memory, and a verdict per target. Exits 0 whether or not the targets are met (a missed
// one reads VERFEHLT); 2 if the data have errors (the check exits 1) or a run fails.
// BENCH_BUDGET_S (default 180) caps the seconds spent on one data set: no further run starts
// after it. BENCH_AJV=1 adds ajv-cli validating the shipped files with the same schemas.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate, measureShares } = require('./generate');
const { yamlFiles } = require('./parse-only');
const { de, median } = require('./measure');

const REPO = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'verbund.js');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** After this many seconds on one data set, no further runs start (at least one always runs). */
const BUDGET_S = Number(process.env.BENCH_BUDGET_S ?? 180);
const MOONSHOT = process.env.BENCH_SKIP_MOONSHOT !== '1';
const AJV = process.env.BENCH_AJV === '1';
const SIZES = MOONSHOT ? [100, 1000, 11000] : [100, 1000];
const TARGETS = { floorRatio: 2, ms1000: 1500, growth: 1.5, msMoonshot: 5000, mbMoonshot: 500 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-'));
const MAX_BUFFER = 1024 * 1024 * 1024;

function progress(text) {
  process.stderr.write(`bench: ${text}\n`);
}

/** One run of node with ARGS; wall time in ms and peak RSS in MiB. */
function runOnce(args, expectExit) {
  const rssFile = path.join(tmp, 'rss');
  fs.rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', path.join(__dirname, 'peak-rss.js'), ...args], {
    env: { ...process.env, VERBUND_BENCH_RSS: rssFile },
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (expectExit !== undefined && run.status !== expectExit) {
    // The check exits 1 exactly when it finds an error; its text report lists the errors first.
    const why = run.status === 1 ? 'Fehlern in den Daten; die Messung wäre nicht aussagekräftig' : `${run.status ?? run.signal}`;
    throw new Error(`${path.basename(args[0])} ${args.slice(1).join(' ')} endete mit ${why}:\n${(run.stderr || run.stdout).slice(0, 3000)}`);
  }
  return { ms, mib: Number(fs.readFileSync(rssFile, 'utf8')) / 1024 };
}

/**
 * Times the floor and the check on ROOT, RUNS times each (fewer once BUDGET_S is spent),
 * alternating so that both see the same machine load; medians of the wall times, highest
 * peak RSS.
 */
function measure(root) {
  const floor = [];
  const check = [];
  const started = Date.now();
  for (let i = 0; i < RUNS && (i === 0 || Date.now() - started < BUDGET_S * 1000); i++) {
    floor.push(runOnce([path.join(__dirname, 'parse-only.js'), root], 0));
    check.push(runOnce([BIN, 'check', '--root', root], 0));
  }
  const summarise = (runs) => ({ ms: median(runs.map((r) => r.ms)), mib: Math.max(...runs.map((r) => r.mib)), all: runs.map((r) => Math.round(r.ms)) });
  return { runs: check.length, floor: summarise(floor), check: summarise(check) };
}

function sizeOf(root) {
  const files = yamlFiles(root);
  return { files: files.length, mb: files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1e6 };
}

/**
 * ajv-cli takes one schema per call: one call per kind of file, medians added up. Its exit
 * code is ignored: it reads YAML 1.1 (js-yaml), where 2025-11-27 becomes a date, not a
 * string, so it rejects valid dates; it still does the whole work being timed.
 */
function ajvCli(root) {
  const { filesByKind } = require('./kinds');
  const cli = require.resolve('ajv-cli/dist/index.js');
  const schemas = path.join(REPO, 'schemas', 'governance');
  let ms = 0;
  let calls = 0;
  for (const [kind, files] of Object.entries(filesByKind(root))) {
    const args = [
      cli,
      'validate',
      '--spec=draft2020',
      '--strict=true',
      '--all-errors',
      '-c',
      'ajv-formats',
      '-s',
      path.join(schemas, `${kind}.schema.json`),
      '-r',
      path.join(schemas, 'common.schema.json'),
      ...files.flatMap((f) => ['-d', f]),
    ];
    ms += median(Array.from({ length: RUNS }, () => runOnce(args, undefined).ms));
    calls++;
  }
  return { ms, calls };
}

const KIND_LABELS = { members: 'Mitglieder', goals: 'Ziele', bodies: 'Gremien', strategies: 'Strategien', dimensions: 'Dimensionen' };

/** Per kind of file: the shipped measures beside the generated ones. */
function realismLines(shipped, generated, label) {
  const lines = [
    `Realistische Daten – je Dateiart ausgeliefert → erzeugt (${label}):`,
    `  ${'Art'.padEnd(12)}${'Dateien'.padEnd(16)}${'KB je Datei'.padEnd(16)}${'offen je Datei'.padEnd(17)}${'Anteil offen'.padEnd(17)}${'Delegationen je D.'.padEnd(20)}lange Texte je D.`,
  ];
  for (const [kind, name] of Object.entries(KIND_LABELS)) {
    const a = shipped[kind];
    const b = generated[kind];
    if (!a || !b) continue;
    const pair = (f, digits) => `${de(f(a), digits)} → ${de(f(b), digits)}`;
    lines.push(
      `  ${name.padEnd(12)}${pair((k) => k.files, 0).padEnd(16)}${pair((k) => k.bytes / k.files / 1000, 1).padEnd(16)}` +
        `${pair((k) => k.open / k.files, 1).padEnd(17)}${`${de((100 * a.open) / a.values)} % → ${de((100 * b.open) / b.values)} %`.padEnd(17)}` +
        `${pair((k) => k.delegations / k.files, 2).padEnd(20)}${pair((k) => k.longTexts / k.files, 1)}`,
    );
  }
  return lines;
}

function verdict(ok) {
  return ok ? 'erreicht' : 'VERFEHLT';
}

function main() {
  spawnSync(process.execPath, [BIN, '--help']); // build dist/ if stale, outside the timings
  const cases = [{ label: 'Ausgelieferte Daten', root: REPO }];
  for (const n of SIZES) {
    const root = path.join(tmp, `verbund-${n}`);
    const started = Date.now();
    const written = generate(n, root);
    progress(`${de(n)} Mitglieder erzeugt (${de(written.files)} Dateien, ${de(written.bytes / 1e6, 1)} MB) in ${de((Date.now() - started) / 1000, 1)} s`);
    cases.push({ label: `Realistisch, ${de(n)} Mitglieder`, root, n });
  }
  for (const c of cases) {
    Object.assign(c, sizeOf(c.root));
    progress(`messe ${c.label} (${RUNS}× Boden und check) …`);
    Object.assign(c, measure(c.root));
    progress(
      `  check ${de(c.check.ms)} ms, Boden ${de(c.floor.ms)} ms, Spitze ${de(c.check.mib)} MiB (check-Läufe: ${c.check.all.join(', ')} ms; Boden: ${c.floor.all.join(', ')} ms)`,
    );
  }
  const byN = Object.fromEntries(cases.filter((c) => c.n).map((c) => [c.n, c]));
  const shipped = cases[0];
  shipped.n = fs.readdirSync(path.join(REPO, 'governance', 'mitglieder')).filter((f) => f.endsWith('.yaml')).length;

  const head = `${'Daten'.padEnd(30)}${'Dateien'.padStart(8)}${'MB'.padStart(8)}${'check'.padStart(11)}${'Boden'.padStart(11)}${'check/Boden'.padStart(13)}${'Spitze check'.padStart(14)}${'Läufe'.padStart(7)}`;
  const lines = [
    `verbund check – Median aus bis zu ${RUNS} Läufen je Datensatz, höchstens ${BUDGET_S} s je Datensatz (Node ${process.version}, ${os.cpus().length} Kerne)`,
    'Boden: node starten und jede YAML-Datei derselben Daten einmal mit yaml.parse lesen.',
    '',
    head,
    ...cases.map(
      (c) =>
        `${c.label.padEnd(30)}${de(c.files).padStart(8)}${de(c.mb, 1).padStart(8)}${`${de(c.check.ms)} ms`.padStart(11)}${`${de(c.floor.ms)} ms`.padStart(11)}` +
        `${`${de(c.check.ms / c.floor.ms, 2)}×`.padStart(13)}${`${de(c.check.mib)} MiB`.padStart(14)}${String(c.runs).padStart(7)}`,
    ),
    '',
  ];

  if (AJV) {
    const ajv = ajvCli(REPO);
    lines.push(`ajv-cli validate, ausgelieferte Daten (${ajv.calls} Aufrufe, je Schema einer): ${de(ajv.ms)} ms`, '');
  }

  // Linear: the time each further member costs, beyond the shipped data's check.
  const perMember = (c) => (c.check.ms - shipped.check.ms) / (c.n - shipped.n);
  const [small, large] = MOONSHOT ? [byN[1000], byN[11000]] : [byN[100], byN[1000]];
  const growth = perMember(large) / perMember(small);
  lines.push(
    `Zeit je weiteres Mitglied = (check bei N − check der ausgelieferten Daten) / (N − ${shipped.n}):`,
    `  ${cases
      .filter((c) => c.n !== shipped.n)
      .map((c) => `${de(c.n)}: ${de(perMember(c), 2)} ms`)
      .join(', ')}`,
    '',
  );
  const mbOf = (c) => (c.check.mib * 1048576) / 1e6;
  const targets = [
    [
      `ausgelieferte Daten ≤ ${TARGETS.floorRatio}× Boden`,
      shipped.check.ms <= TARGETS.floorRatio * shipped.floor.ms,
      `${de(shipped.check.ms / shipped.floor.ms, 2)}×`,
    ],
    [`1.000 Mitglieder < ${de(TARGETS.ms1000)} ms`, byN[1000].check.ms < TARGETS.ms1000, `${de(byN[1000].check.ms)} ms`],
    [`linear: Zeit je weiteres Mitglied bei ${de(large.n)} ≤ ${de(TARGETS.growth, 1)}× der bei ${de(small.n)}`, growth <= TARGETS.growth, `${de(growth, 2)}×`],
  ];
  if (MOONSHOT) {
    const moon = byN[11000];
    targets.push(
      [`11.000 Mitglieder < ${de(TARGETS.msMoonshot)} ms`, moon.check.ms < TARGETS.msMoonshot, `${de(moon.check.ms)} ms`],
      [`11.000 Mitglieder < ${TARGETS.mbMoonshot} MB Speicher`, mbOf(moon) < TARGETS.mbMoonshot, `${de(mbOf(moon))} MB`],
    );
  } else {
    targets.push([`11.000 Mitglieder < ${de(TARGETS.msMoonshot)} ms und < ${TARGETS.mbMoonshot} MB`, undefined, 'BENCH_SKIP_MOONSHOT=1']);
  }
  const width = Math.max(...targets.map(([label]) => label.length));
  for (const [label, ok, detail] of targets) {
    lines.push(`Ziel: ${label.padEnd(width)}  ${ok === undefined ? 'übersprungen' : verdict(ok)} (${detail})`);
  }
  lines.push('', ...realismLines(measureShares(REPO), measureShares(byN[1000].root), '1.000 Mitglieder'));
  process.stdout.write(lines.join('\n') + '\n');
}

try {
  main();
  process.exitCode = 0;
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 2;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
