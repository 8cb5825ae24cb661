#!/usr/bin/env node
// `npm run bench` (fourth part): times `verbund audit` on generated histories of the example
// Verbund: 2.500 and 10.000 commits on main, each changing a governance file (a goal; every 50th
// a member, so the rules and identities change and the governance is loaded again) and each
// carrying the decision record as verbund merge writes it (every HVB approved). Git objects are
// written directly (loose objects), so generating 10.000 commits takes seconds, not one process
// per commit. The floor, measured in the same run, is the one pass over the history every audit
// makes: `git log --first-parent --raw` of the same repository. Also times `--as-of`. Prints
// medians of BENCH_RUNS runs (default 3) and a verdict per target: the 5 s target is for the audit
// as CI runs it (text); JSON, which also tells each commit's data changes, is timed beside it.
// Exits 2 if a run fails or the generated history does not pass the audit.
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { BIN, de, median } = require('./measure');

const REPO = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'musterverbund');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const TARGETS = { ms: 5000, asOfMs: 1000, growth: 1.5 };
/** Every how many commits a member file (a rule or identity file) changes; 1: every commit, the worst case. */
const MEMBER_EVERY = Math.max(1, Number(process.env.BENCH_AUDIT_MEMBER_EVERY ?? 50));
const COUNTS = (process.env.BENCH_AUDIT_COUNTS ?? '2500,10000').split(',').map(Number);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-bench-audit-'));
const START = Date.parse('2026-01-01T08:00:00Z') / 1000;
const HVB = [
  ['flecken-lindenau', 1001, 'bm-lindenau'],
  ['gemeinde-birkenfelde', 1002, 'bm-birkenfelde'],
  ['gemeinde-eichwalde', 1003, 'bm-eichwalde'],
  ['landkreis-heideland', 1004, 'lr-heideland'],
  ['samtgemeinde-am-moorbach', 1005, 'sgbm-am-moorbach'],
  ['stadt-musterstadt', 1006, 'bm-musterstadt'],
];

/** Writes a loose git object; its id. */
function object(gitDir, type, content) {
  const store = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  const id = crypto.createHash('sha1').update(store).digest('hex');
  const file = path.join(gitDir, 'objects', id.slice(0, 2), id.slice(2));
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, zlib.deflateSync(store, { level: 1 }));
  }
  return id;
}

/** The tree of path → blob id, nested as git stores it (entries sorted as git sorts them). */
function tree(gitDir, files) {
  const here = new Map();
  const below = new Map();
  for (const [file, blob] of files) {
    const slash = file.indexOf('/');
    if (slash === -1) here.set(file, blob);
    else {
      const dir = file.slice(0, slash);
      if (!below.has(dir)) below.set(dir, new Map());
      below.get(dir).set(file.slice(slash + 1), blob);
    }
  }
  const entries = [
    ...[...here].map(([name, id]) => ({ name, mode: '100644', id, key: name })),
    ...[...below].map(([name, sub]) => ({ name, mode: '40000', id: tree(gitDir, sub), key: `${name}/` })),
  ];
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return object(gitDir, 'tree', Buffer.concat(entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.id, 'hex')]))));
}

function filesBelow(dir, prefix) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesBelow(path.join(dir, e.name), `${prefix}${e.name}/`) : [[`${prefix}${e.name}`, path.join(dir, e.name)]]));
}

const isBasis = (p) =>
  p === 'policies/freigaberegeln.yaml' || p === 'governance/verbund.yaml' || p.startsWith('governance/mitglieder/') || p.startsWith('governance/gremien/');

/** The requirement of a change to a member's own file: its HVB (rule eigene-dateien), with that HVB's vote only. */
function ownFile(file, votes) {
  const member = path.basename(file, '.yaml');
  const own = votes.filter((v) => v.member === member);
  return { rules: ['eigene-dateien'], kind: 'hvb-des-mitglieds', member, description: '', needed: 1, approved: 1, met: true, votes: own, missing: [] };
}

/** A repository whose main has `count` commits after the base, each with valid evidence. */
function build(count) {
  const { decisionTrailers } = require(path.join(REPO, 'dist', 'audit', 'trailers.js'));
  const root = path.join(tmp, `history-${count}`);
  fs.mkdirSync(root, { recursive: true });
  spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  const gitDir = path.join(root, '.git');
  const content = new Map(); // path → Buffer
  for (const dir of ['governance', 'policies']) {
    for (const [rel, abs] of filesBelow(path.join(EXAMPLE, dir), `${dir}/`)) if (rel.endsWith('.yaml')) content.set(rel, fs.readFileSync(abs));
  }
  const blobs = new Map([...content].map(([p, c]) => [p, object(gitDir, 'blob', c)]));
  const goals = [...content.keys()].filter((p) => p.startsWith('governance/ziele/'));
  const members = [...content.keys()].filter((p) => p.startsWith('governance/mitglieder/'));
  const sign = (t) => `T <t@example.org> ${t} +0100`;
  let parent = object(gitDir, 'commit', Buffer.from(`tree ${tree(gitDir, blobs)}\nauthor ${sign(START)}\ncommitter ${sign(START)}\n\nBasis\n`));
  let basis;
  for (let i = 1; i <= count; i++) {
    const file = i % MEMBER_EVERY === 0 ? members[(i / MEMBER_EVERY) % members.length] : goals[i % goals.length];
    // The record names the rules and identities of the base, before this change.
    basis ??= [...content].filter(([p]) => isBasis(p)).map(([p, c]) => ({ path: p, sha256: crypto.createHash('sha256').update(c).digest('hex') }));
    const changed = Buffer.concat([content.get(file), Buffer.from(`# Stand ${i}\n`)]);
    content.set(file, changed);
    blobs.set(file, object(gitDir, 'blob', changed));
    const treeId = tree(gitDir, blobs);
    const time = START + i * 1800;
    const iso = new Date(time * 1000).toISOString();
    const head = crypto.createHash('sha1').update(`head ${i}`).digest('hex');
    const votes = HVB.map(([member, userId, login], k) => ({ member, userId, login, role: 'hvb', reviewId: i * 10 + k, submittedAt: iso, commitId: head }));
    const decision = {
      ok: true,
      evaluatedAt: iso,
      tool: { name: 'verbund', version: 'bench' },
      repo: 'bench/governance',
      pullRequest: i,
      author: { id: 9000, login: 'referentin-digital' },
      base: { sha: parent },
      head: { sha: head, tree: treeId },
      basis,
      paths: [],
      // As the approvals capability decides: a member's own file needs its HVB, a goal every HVB.
      requirements: [
        isBasis(file)
          ? ownFile(file, votes)
          : { rules: ['leitlinie'], kind: 'alle-hvb', description: '', needed: 6, approved: 6, met: true, votes, missing: [] },
      ],
      notes: [],
    };
    const message = `Änderung ${i} (#${i})\n\n${decisionTrailers(decision).join('\n')}\n`;
    parent = object(gitDir, 'commit', Buffer.from(`tree ${treeId}\nparent ${parent}\nauthor ${sign(time)}\ncommitter ${sign(time)}\n\n${message}`));
    if (isBasis(file)) basis = undefined; // the next change rests on the new state
  }
  fs.writeFileSync(path.join(gitDir, 'refs', 'heads', 'main'), `${parent}\n`);
  // Packed, as a clone has it (loose objects would measure the file system, not the audit).
  spawnSync('git', ['repack', '-adq'], { cwd: root });
  spawnSync('git', ['prune-packed'], { cwd: root });
  return root;
}

function timed(args, cwd) {
  const started = process.hrtime.bigint();
  const run = spawnSync(args[0], args.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, run };
}

function measure(root) {
  const floor = [];
  const audit = [];
  const json = [];
  const asOf = [];
  for (let i = 0; i < RUNS; i++) {
    // The same git log the audit starts with (src/audit/history.ts).
    const { historyLogArgs } = require(path.join(REPO, 'dist', 'audit', 'history.js'));
    floor.push(timed(['git', ...historyLogArgs('main')], root).ms);
    // The target is the audit as run in CI (text); JSON also tells every commit's data changes,
    // which parses every changed file, so it is timed on its own.
    const a = timed([process.execPath, BIN, 'audit', '--root', root], root);
    const j = timed([process.execPath, BIN, 'audit', '--root', root, '--format', 'json'], root);
    if (a.run.status !== 0 || j.run.status !== 0) {
      const failed = j.run.status === 1 ? JSON.parse(j.run.stdout).commits.find((c) => !c.ok) : undefined;
      throw new Error(
        `verbund audit endete mit ${a.run.status}: ${failed ? `${failed.sha}: ${failed.findings.join(' ')}` : (a.run.stderr || j.run.stderr).slice(0, 2000)}`,
      );
    }
    audit.push(a.ms);
    json.push(j.ms);
    const s = timed([process.execPath, BIN, 'audit', '--root', root, '--as-of', '2026-03-01'], root);
    if (s.run.status !== 0) throw new Error(`verbund audit --as-of endete mit ${s.run.status}: ${s.run.stderr.slice(0, 2000)}`);
    asOf.push(s.ms);
  }
  return { floor: median(floor), audit: median(audit), json: median(json), asOf: median(asOf) };
}

function main() {
  spawnSync(process.execPath, [BIN, '--help']); // build dist/ if stale, outside the timings
  const results = COUNTS.map((count) => {
    process.stderr.write(`bench: Historie mit ${de(count)} Commits …\n`);
    const started = Date.now();
    const root = build(count);
    process.stderr.write(`bench: erzeugt in ${de(Date.now() - started)} ms\n`);
    return { count, ...measure(root) };
  });
  console.log('verbund audit (Median; Boden: git log --first-parent --raw derselben Historie)');
  for (const r of results)
    console.log(
      `  ${de(r.count)} Commits: ${de(r.audit)} ms, Boden ${de(r.floor)} ms; --format json (mit fachlichen Änderungen) ${de(r.json)} ms; --as-of ${de(r.asOf)} ms`,
    );
  const [small, big] = results;
  const growth = big.audit / small.audit / 4;
  const verdict = (ok) => (ok ? 'erreicht' : 'VERFEHLT');
  // The 5 s target is for 10.000 commits of the usual mix; other runs (BENCH_AUDIT_COUNTS, _MEMBER_EVERY) only report.
  const target = big.count === 10000 && MEMBER_EVERY === 50;
  if (target) console.log(`Ziel 10.000 Commits unter ${de(TARGETS.ms)} ms: ${de(big.audit)} ms – ${verdict(big.audit < TARGETS.ms)}`);
  else
    console.log(
      `${de(big.count)} Commits, jeder ${MEMBER_EVERY}. ändert ein Mitglied: ${de(big.audit)} ms, ${de(big.audit / big.count, 2)} ms je Commit (ohne Ziel)`,
    );
  console.log(`Ziel --as-of unter ${de(TARGETS.asOfMs)} ms: ${de(big.asOf)} ms – ${verdict(big.asOf < TARGETS.asOfMs)}`);
  console.log(`Ziel linear (Zeit je Commit bei 4facher Menge höchstens ${de(TARGETS.growth, 1)}×): ${de(growth, 2)}× – ${verdict(growth <= TARGETS.growth)}`);
  const jsonGrowth = big.json / small.json / 4;
  console.log(`Ziel linear auch für --format json: ${de(jsonGrowth, 2)}× – ${verdict(jsonGrowth <= TARGETS.growth)}`);
  if (process.env.BENCH_KEEP === '1') console.error(`bench: Daten bleiben in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

try {
  main();
} catch (error) {
  console.error(`bench: ${error.message}`);
  if (process.env.BENCH_KEEP === '1') console.error(`bench: Daten bleiben in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(2);
}
