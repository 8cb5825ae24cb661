#!/usr/bin/env node
// `npm run bench` (third part): times `verbund costs` on a Verbund cloned from the example
// Verbund (generate.js) with M members and I cost items over 10 years (each item in one year,
// round-robin), split by keys of every kind over all members: so every run splits I × M
// shares. Two sizes, 1.000 × 10.000 (the target) and 500 × 5.000 (a quarter of the work), show
// whether the time grows linearly in items × members. The floor, measured in the same run on
// the same data, is `verbund check`, which every costs run does first; the costs' own work is
// the difference. Prints medians of BENCH_RUNS runs (default 3) and a verdict per target;
// exits 0 whether or not the targets are met, 2 if a run fails.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./generate');
const { spawnSync } = require('node:child_process');
const { BIN, de, median, timedVerbund } = require('./measure');

const REPO = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'musterverbund');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const TARGETS = { ms: 2000, growth: 1.5 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-costs-'));
const YEARS = 10;
const FIRST_YEAR = 2026;
const HEADER = (kind) => `# yaml-language-server: $schema=../../schemas/governance/${kind}.schema.json\napiVersion: verbund/v1\n`;
const BASIS = 'rechtsgrundlage: { gremium: HVB-Runde, datum: 2025-11-20, nummer: HVB-2025/14 }\ngilt: { von: 2026-01-01 }\n';
const KINDS = ['personal', 'technik', 'raeume', 'software', 'dienstleistungen'];

/** A Verbund of `members` members with keys of every kind and `items` items, written to a new folder. */
function build(members, items) {
  const root = path.join(tmp, `${members}x${items}`);
  generate(members, root, { templates: path.join(EXAMPLE, 'governance'), policies: path.join(EXAMPLE, 'policies'), today: '2026-11-30' });
  const gov = path.join(root, 'governance');
  for (const dir of ['kostenschluessel', 'kostenposten']) fs.rmSync(path.join(gov, dir), { recursive: true, force: true });
  fs.mkdirSync(path.join(gov, 'kostenschluessel'));
  fs.mkdirSync(path.join(gov, 'kostenposten'));
  const ids = fs.readdirSync(path.join(gov, 'mitglieder')).map((f) => f.replace(/\.yaml$/, ''));
  const kreise = ids.filter((id) => id.startsWith('landkreis-'));
  const gemeinden = ids.filter((id) => !id.startsWith('landkreis-'));
  const list = (xs) => `[${xs.join(', ')}]`;
  const keys = {
    gleich: 'verteilung: { art: gleich }',
    einwohner: `verteilung: { art: einwohner, mitglieder: ${list(gemeinden)}, einwohner: { stichtag: 2024-12-31 } }`,
    sockel: `verteilung: { art: sockel, mitglieder: ${list(gemeinden)}, sockelbetrag: "1.00", einwohner: { stichtag: 2024-12-31 } }`,
    fest: `verteilung: { art: fest, anteile: { ${ids.map((id) => `${id}: 1/${ids.length}`).join(', ')} } }`,
    nutzung: 'verteilung: { art: nutzung, dienst: nextcloud }',
    stufen:
      `verteilung:\n  art: stufen\n  stufen:\n    - anteil: 35/100\n      verteilung: { art: gleich, mitglieder: ${list(kreise)} }\n` +
      `    - anteil: rest\n      verteilung: { art: einwohner, mitglieder: ${list(gemeinden)}, einwohner: { stichtag: 2024-12-31 } }`,
  };
  for (const [id, verteilung] of Object.entries(keys)) {
    fs.writeFileSync(
      path.join(gov, 'kostenschluessel', `${id}.yaml`),
      `${HEADER('kostenschluessel')}id: ${id}\nname: Schlüssel ${id}\n${verteilung}\n${BASIS}`,
    );
  }
  const keyIds = Object.keys(keys);
  for (let i = 0; i < items; i++) {
    const id = `posten-${String(i + 1).padStart(5, '0')}`;
    const cents = 100000 + ((i * 7919) % 9000000);
    fs.writeFileSync(
      path.join(gov, 'kostenposten', `${id}.yaml`),
      `${HEADER('kostenposten')}id: ${id}\nname: Posten ${i + 1}\nkostenart: ${KINDS[i % KINDS.length]}\nbetrag: "${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}"\n` +
        `turnus: einmalig\njahre: [${FIRST_YEAR + (i % YEARS)}]\nziel: "1.1"\nschluessel: ${keyIds[i % keyIds.length]}\nquelle: Erzeugt für die Messung\n`,
    );
  }
  return root;
}

/** Floor (check) and costs, alternating; the costs run computes every share and prints one member's plan. */
function measure(root, member) {
  const floor = [];
  const costs = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(timedVerbund(['check', '--root', root, '--format', 'json']).ms);
    costs.push(timedVerbund(['costs', '--root', root, '--member', member]).ms);
  }
  return { floor: median(floor), costs: median(costs) };
}

/**
 * The full output, every share as a CSV row (the size a Kämmerei never reads whole, but the
 * tool must write without running out of memory): streamed to /dev/null; wall time and peak RSS.
 */
function fullOutput(root) {
  const rss = path.join(tmp, 'rss');
  const sink = fs.openSync('/dev/null', 'w');
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', path.join(__dirname, 'peak-rss.js'), BIN, 'costs', '--root', root, '--format', 'csv'], {
    env: { ...process.env, VERBUND_BENCH_RSS: rss },
    stdio: ['ignore', sink, 'pipe'],
    encoding: 'utf8',
  });
  fs.closeSync(sink);
  if (run.status !== 0) throw new Error(`verbund costs --format csv endete mit ${run.status}:\n${run.stderr.slice(0, 3000)}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, mib: Number(fs.readFileSync(rss, 'utf8')) / 1024 };
}

function main() {
  const sizes = [
    [500, 5000],
    [1000, 10000],
  ];
  const results = sizes.map(([members, items]) => {
    process.stderr.write(`bench: Verbund mit ${de(members)} Mitgliedern und ${de(items)} Kostenposten …\n`);
    const root = build(members, items);
    return { members, items, ...measure(root, 'gemeinde-00002'), full: fullOutput(root) };
  });
  console.log('verbund costs (Median; Boden: verbund check auf denselben Daten)');
  for (const r of results) {
    console.log(
      `  ${de(r.members)} Mitglieder × ${de(r.items)} Posten (${de(r.members * r.items)} Anteile): ${de(r.costs)} ms, Boden ${de(r.floor)} ms, Kosten selbst ${de(r.costs - r.floor)} ms`,
    );
  }
  console.log('Volle Ausgabe (jeder Anteil eine CSV-Zeile, nach /dev/null; ein Lauf):');
  for (const r of results) console.log(`  ${de(r.members * r.items)} Anteile: ${de(r.full.ms)} ms, höchstens ${de(r.full.mib)} MiB Speicher`);
  const [small, big] = results;
  const growth = (big.costs - big.floor) / (small.costs - small.floor) / 4;
  const verdict = (ok) => (ok ? 'erreicht' : 'VERFEHLT');
  console.log(`Ziel 1.000 × 10.000 unter ${de(TARGETS.ms)} ms: ${de(big.costs)} ms – ${verdict(big.costs < TARGETS.ms)}`);
  console.log(
    `Ziel linear (Arbeit der Kosten bei 4facher Menge höchstens ${de(TARGETS.growth, 1)}× je Anteil): ${de(growth, 2)}× – ${verdict(growth <= TARGETS.growth)}`,
  );
  fs.rmSync(tmp, { recursive: true, force: true });
}

try {
  main();
} catch (error) {
  console.error(`bench: ${error.message}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(2);
}
