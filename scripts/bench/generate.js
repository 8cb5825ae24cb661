#!/usr/bin/env node
// Writes a realistic synthetic Verbund of N members into a directory, cloned from template
// files (by default the repository's own governance/) so that it has their shape: the same
// share of open values (`offen:` with a reason), the same long goal texts, comments and
// top-level keys.
//
// - Members: member i is a copy of template member i mod T with a new id (gemeinde-00001,
//   landkreis-00006, …), name and addresses; everything else stays as in the template. Every
//   GitHub login that does not contain the member's id gets the clone's number appended
//   (bm-musterstadt → bm-musterstadt-00002), so that no login holds two seats. Template
//   members with delegations keep their own (expired ones stay on record). Of those without,
//   the one with the most open values gets an approval chain in each group of T members: the
//   HVB's login and term of office, a deputy, and two sound delegations (HVB → deputy → CDO)
//   in force on `today`.
// - Goals: per T members the template goals, word for word; group g > 0 gets its own
//   dimensions (d + D·g, copies of the template ones), so every goal keeps its id scheme.
//   Group 0 also keeps the template dimensions that have no goal. The template exceptions for
//   these goals are cloned with them.
// - Strategies: one per member, cloned from its template member's strategy.
// - Bodies: the top bodies once; each body nobody escalates to (working groups, IKZ IT, …)
//   once per group of T members.
// - Stacks: each clone gets its template member's stacks/Pulumi.<id>.yaml (ids replaced); the
//   Verbund stack is copied.
// - Every other file (verbund, Leitlinie, history, resources, policies/*.yaml) is copied.
//
// Usage: node scripts/bench/generate.js N DIR [--today YYYY-MM-DD]
//        node scripts/bench/generate.js --shares DIR   (prints the realism measures of DIR)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { escapeRegExp, tokenReplacer, setTopLevel, cloneExceptions } = require('./text');
const { hasDelegations, withDelegations, uniqueLogins } = require('./members');

const REPO = path.resolve(__dirname, '..', '..');
const GOVERNANCE = 'governance';
/** Folders with one file per item; the generator rewrites their ids. */
const FOLDERS = { members: 'mitglieder', goals: 'ziele', dimensions: 'dimensionen', bodies: 'gremien', strategies: 'strategien' };
const EXCEPTIONS_FILE = 'ausnahmen/ausnahmen.yaml';
/** Not data: the tool brings its own schemas. */
const SKIPPED_FOLDERS = new Set(['schemas']);

function memberNumber(i) {
  return String(i + 1).padStart(5, '0');
}

function listYaml(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

/** Reads the template files, parsed once. */
function readTemplates(governanceDir) {
  const read = (folder) =>
    listYaml(path.join(governanceDir, folder)).map((name) => {
      const text = fs.readFileSync(path.join(governanceDir, folder, name), 'utf8');
      return { name, text, data: YAML.parse(text) };
    });
  const templates = {};
  for (const [key, folder] of Object.entries(FOLDERS)) templates[key] = read(folder);
  // Everything else is copied as it is.
  templates.copied = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(governanceDir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!rel && (SKIPPED_FOLDERS.has(entry.name) || Object.values(FOLDERS).includes(entry.name))) continue;
        walk(child);
      } else if (entry.isFile() && entry.name.endsWith('.yaml') && child !== EXCEPTIONS_FILE) {
        templates.copied.push({ rel: child, text: fs.readFileSync(path.join(governanceDir, child), 'utf8') });
      }
    }
  };
  walk('');
  const exceptions = path.join(governanceDir, EXCEPTIONS_FILE);
  templates.exceptions = fs.existsSync(exceptions) ? fs.readFileSync(exceptions, 'utf8') : undefined;
  if (templates.members.length === 0 || templates.goals.length === 0) throw new Error(`Keine Vorlagen unter ${governanceDir}.`);
  return templates;
}

/** Text after the id in a file name: 1.1-informationssicherheit.yaml → -informationssicherheit.yaml */
function nameAfter(name, id) {
  if (!name.startsWith(id)) throw new Error(`Vorlage „${name}“ beginnt nicht mit ihrer Kennung „${id}“.`);
  return name.slice(id.length);
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Generates the Verbund. Options: `today` (YYYY-MM-DD; delegations are in force then,
 * default: the current date), `templates` (a governance/ folder, default: the repository's
 * own), `policies` (a policies/ folder to copy *.yaml from, default: the repository's own).
 * Returns counts of what was written.
 */
function generate(n, root, options = {}) {
  const day = options.today ?? today();
  const governanceDir = options.templates ?? path.join(REPO, GOVERNANCE);
  const policiesDir = options.policies ?? path.join(REPO, 'policies');
  const t = readTemplates(governanceDir);
  fs.rmSync(root, { recursive: true, force: true });
  const out = path.join(root, GOVERNANCE);
  const written = { files: 0, bytes: 0 };
  const write = (rel, text) => {
    const file = path.join(out, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.files++;
    written.bytes += Buffer.byteLength(text);
  };

  const T = t.members.length;
  const groups = Math.ceil(n / T);
  const prefix = (id) => id.split('-')[0];
  const memberIdOf = (i) => `${prefix(t.members[i % T].data.id)}-${memberNumber(i)}`;
  // Each group's clone of every template member (a partial last group borrows group 0's).
  const memberMap = (g) => {
    const map = {};
    t.members.forEach((m, k) => {
      const i = g * T + k < n ? g * T + k : k;
      map[m.data.id] = memberIdOf(i);
    });
    return map;
  };
  // Of the template members without delegations, the one with the most open values gets them.
  const openCounts = t.members.map((m) => (hasDelegations(m.data) ? -1 : countValues(m.data).open));
  const delegationSlot = Math.max(...openCounts) < 0 ? -1 : openCounts.indexOf(Math.max(...openCounts));
  const memberTemplates = t.members.map((m, k) => (k === delegationSlot ? withDelegations(m, day) : m));

  // Bodies: those nobody escalates to are cloned per group.
  const referenced = new Set(t.bodies.flatMap((b) => (Array.isArray(b.data.vorlageAn) ? b.data.vorlageAn : [])));
  const clonedBodies = t.bodies.filter((b) => !referenced.has(b.data.id));
  const bodyMap = (g) => Object.fromEntries(clonedBodies.map((b) => [b.data.id, g === 0 ? b.data.id : `${b.data.id}-${g + 1}`]));

  // Goals: round(n · 15 / 8) of them, group by group; dimensions of group g: d + D·g.
  const D = Math.max(...t.dimensions.map((d) => Number(d.data.id)));
  const goalCount = Math.max(1, Math.round((n * t.goals.length) / T));
  const goalGroups = Math.ceil(goalCount / t.goals.length);
  const goalIdOf = (id, g) => {
    const [d, k] = id.split('.');
    return `${Number(d) + D * g}.${k}`;
  };

  const replacers = Array.from({ length: Math.max(groups, goalGroups) }, (_, g) => tokenReplacer({ ...memberMap(g), ...bodyMap(g) }));

  // Members and their strategies.
  let delegatingMembers = 0;
  const strategyOf = new Map(t.strategies.map((s) => [s.data.mitglied, s]));
  for (let i = 0; i < n; i++) {
    const k = i % T;
    const g = Math.floor(i / T);
    const template = memberTemplates[k];
    const id = memberIdOf(i);
    const kindWord = String(template.data.name).split(' ')[0];
    const replace = replacers[g];
    let text = uniqueLogins(template.data, replace, memberNumber(i))(replace(template.text));
    // Numeric GitHub ids name one account each: every group of clones gets its own range.
    if (g > 0) text = text.replace(/^(\s*githubId:\s*)(\d+)/gm, (_, key, value) => `${key}${Number(value) + 1_000_000 * g}`);
    if (hasDelegations(template.data)) delegatingMembers++;
    text = setTopLevel(text, 'name', `${kindWord} Nr. ${i + 1}`);
    write(`${FOLDERS.members}/${id}.yaml`, text);
    const strategy = strategyOf.get(template.data.id);
    if (strategy) write(`${FOLDERS.strategies}/${id}.yaml`, replace(strategy.text));
  }

  // Stacks: each clone gets its template member's stack settings; the Verbund stack is copied.
  const stacksDir = options.stacks ?? path.join(path.dirname(governanceDir), 'stacks');
  const stackText = (id) => {
    const file = path.join(stacksDir, `Pulumi.${id}.yaml`);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  };
  const writeStack = (id, text) => {
    const file = path.join(root, 'stacks', `Pulumi.${id}.yaml`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.files++;
    written.bytes += Buffer.byteLength(text);
  };
  for (let i = 0; i < n; i++) {
    const text = stackText(t.members[i % T].data.id);
    if (text !== undefined) writeStack(memberIdOf(i), replacers[Math.floor(i / T)](text));
  }
  const verbundStack = stackText('verbund');
  if (verbundStack !== undefined) writeStack('verbund', verbundStack);

  // Dimensions and goals.
  const exceptionSubjects = new Map(); // "ziel:1.1" → ["ziel:6.1", …]
  const cloneOf = (subject, clone) => {
    if (!exceptionSubjects.has(subject)) exceptionSubjects.set(subject, []);
    exceptionSubjects.get(subject).push(clone);
  };
  let goals = 0;
  let dimensions = 0;
  // Dimensions without a goal among the templates stay in group 0, as in the templates.
  const goalless = new Set(t.dimensions.map((d) => String(d.data.id)).filter((id) => !t.goals.some((z) => String(z.data.dimension) === id)));
  for (let g = 0; g < goalGroups; g++) {
    const inGroup = t.goals.slice(0, Math.min(t.goals.length, goalCount - g * t.goals.length));
    const usedDimensions = new Set(inGroup.map((z) => String(z.data.dimension)));
    for (const d of t.dimensions) {
      if (!usedDimensions.has(String(d.data.id)) && !(g === 0 && goalless.has(String(d.data.id)))) continue;
      const id = String(Number(d.data.id) + D * g);
      let text = setTopLevel(d.text, 'id', id);
      if (g > 0) text = setTopLevel(text, 'name', `${d.data.name} ${g + 1}`);
      write(`${FOLDERS.dimensions}/${id}${nameAfter(d.name, String(d.data.id))}`, text);
      dimensions++;
    }
    for (const z of inGroup) {
      const oldId = String(z.data.id);
      const id = goalIdOf(oldId, g);
      let text = replacers[g](z.text);
      text = setTopLevel(text, 'id', id);
      text = setTopLevel(text, 'dimension', id.split('.')[0]);
      text = text.replace(new RegExp(`(?<![0-9.])${escapeRegExp(oldId)}-(?=[MA][0-9])`, 'g'), `${id}-`);
      write(`${FOLDERS.goals}/${id}${nameAfter(z.name, oldId)}`, text);
      if (g > 0) cloneOf(`ziel:${oldId}`, `ziel:${id}`);
      goals++;
    }
  }

  // Bodies.
  let bodies = 0;
  for (const b of t.bodies) {
    const copies = clonedBodies.includes(b) ? groups : 1;
    for (let g = 0; g < copies; g++) {
      let text = replacers[g](b.text);
      if (g > 0) text = setTopLevel(text, 'name', `${b.data.name} ${g + 1}`);
      write(`${FOLDERS.bodies}/${bodyMap(g)[b.data.id] ?? b.data.id}.yaml`, text);
      if (g > 0) cloneOf(`gremium:${b.data.id}`, `gremium:${bodyMap(g)[b.data.id]}`);
      bodies++;
    }
  }

  // Exceptions: every entry about a cloned goal or body is cloned with it.
  if (t.exceptions !== undefined) write(EXCEPTIONS_FILE, cloneExceptions(t.exceptions, exceptionSubjects));

  // The authoritative member list names the generated members.
  const memberList = `mitglieder:\n${Array.from({ length: n }, (_, i) => `  - ${memberIdOf(i)}\n`).join('')}`;
  const withMembers = (text) => text.replace(/^mitglieder:(?:[ \t]*\[[^\]]*\][ \t]*\n|[ \t]*\n(?:  - .*\n)+)/m, memberList);
  // The service catalogue names members (the operator of a service for all), and cost keys name
  // the members they split among: both name the first group's clones.
  // The backup agreement pairs every group's clones as the template pairs its members.
  const copiedText = (file) => {
    if (file.rel === 'verbund.yaml') return withMembers(file.text);
    if (file.rel.startsWith('dienste/') || file.rel.startsWith('kostenschluessel/')) return replacers[0](file.text);
    if (file.rel === 'notfall/sicherung.yaml') return backupPairs(file.text, groups, memberMap);
    return file.text;
  };
  for (const file of t.copied) write(file.rel, copiedText(file));
  for (const name of listYaml(policiesDir)) {
    const file = path.join(root, 'policies', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(path.join(policiesDir, name), file);
    written.files++;
    written.bytes += fs.statSync(file).size;
  }
  return { members: n, goals, dimensions, bodies, delegatingMembers, ...written };
}

/**
 * Counts the values of a parsed item: every scalar, and every `{ offen: reason }` as one
 * (open) value. Also long texts (strings over 120 characters) and delegations.
 */
function countValues(value) {
  const counts = { values: 0, open: 0, longTexts: 0 };
  const walk = (v) => {
    if (v === null || typeof v !== 'object') {
      counts.values++;
      if (typeof v === 'string' && v.length > 120) counts.longTexts++;
      return;
    }
    if (!Array.isArray(v) && Object.keys(v).length === 1 && typeof v.offen === 'string') {
      counts.values++;
      counts.open++;
      return;
    }
    for (const entry of Array.isArray(v) ? v : Object.values(v)) walk(entry);
  };
  walk(value);
  return counts;
}

/**
 * The realism measures of DIR/governance per kind of file: files, bytes, values, open
 * values (and their share), delegations and long texts, each in total and per file.
 */
function measureShares(root) {
  const base = path.join(root, GOVERNANCE);
  const kinds = {};
  const add = (kind, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const data = YAML.parse(text);
    const counts = countValues(data);
    const k = (kinds[kind] ??= { files: 0, bytes: 0, values: 0, open: 0, delegations: 0, longTexts: 0, perFile: [] });
    k.files++;
    k.bytes += Buffer.byteLength(text);
    k.values += counts.values;
    k.open += counts.open;
    k.longTexts += counts.longTexts;
    const delegations = data && Array.isArray(data.delegationen) ? data.delegationen.length : 0;
    k.delegations += delegations;
    k.perFile.push({ file: path.relative(root, file), values: counts.values, open: counts.open, delegations });
  };
  for (const [key, folder] of Object.entries(FOLDERS)) {
    for (const name of listYaml(path.join(base, folder))) add(key, path.join(base, folder, name));
  }
  return kinds;
}

/** The backup agreement for all clones: each group's members paired and sited like the template's. */
function backupPairs(text, groups, memberMap) {
  const doc = YAML.parse(text);
  const standorte = {};
  const paare = new Map();
  for (let g = 0; g < groups; g++) {
    const map = memberMap(g);
    for (const [id, site] of Object.entries(doc.standorte ?? {})) if (map[id] && !(map[id] in standorte)) standorte[map[id]] = `${site}-${g}`;
    for (const p of doc.paare ?? [])
      if (map[p.mitglied] && map[p.partner] && !paare.has(map[p.mitglied])) paare.set(map[p.mitglied], { mitglied: map[p.mitglied], partner: map[p.partner] });
  }
  const verbund = doc.verbund && { ...doc.verbund, partner: memberMap(0)[doc.verbund.partner] ?? doc.verbund.partner };
  return `${text.split('\n')[0]}\n${YAML.stringify({ ...doc, standorte, paare: [...paare.values()], ...(verbund ? { verbund } : {}) })}`;
}

module.exports = { generate, measureShares, countValues };

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--shares' && args[1]) {
    const shares = measureShares(path.resolve(args[1]));
    for (const [kind, k] of Object.entries(shares)) delete k.perFile;
    process.stdout.write(JSON.stringify(shares, null, 2) + '\n');
  } else {
    const [n, dir] = args;
    const day = args[2] === '--today' ? args[3] : undefined;
    if (!n || !dir || !/^\d+$/.test(n) || Number(n) < 1 || (args[2] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day ?? ''))) {
      process.stderr.write('Aufruf: node scripts/bench/generate.js N ZIELORDNER [--today JJJJ-MM-TT]\n       node scripts/bench/generate.js --shares ORDNER\n');
      process.exit(2);
    }
    const result = generate(Number(n), path.resolve(dir), { today: day });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
