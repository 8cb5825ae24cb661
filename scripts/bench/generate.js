#!/usr/bin/env node
// Writes a realistic synthetic Verbund of N members into a directory, cloned from the
// shipped governance/ files so that it has their shape: the same share of open values
// (`offen:` with a reason), the same long goal texts, comments and top-level keys.
//
// - Members: member i is a copy of shipped member i mod 8 with a new id (gemeinde-00001,
//   landkreis-00006, …), name and addresses; everything else stays as shipped. In each
//   group of 8, one member (the shipped one with the most open values) also has its
//   approval chain on record: the HVB's login and term of office, a deputy, and two sound
//   delegations (HVB → deputy → CDO) that are in force on `today`.
// - Goals: per 8 members the 15 shipped goals, word for word; group g > 0 gets its own
//   dimensions (d + 5·g, copies of the shipped ones), so every goal keeps its id scheme.
//   The shipped exceptions for these goals are cloned with them.
// - Strategies: one per member, cloned from its template member's strategy.
// - Bodies: the top bodies once; each body nobody escalates to (working groups, IKZ IT, …)
//   once per group of 8 members.
// - Every other file (verbund, Leitlinie, history, resources, policies/*.yaml) is copied.
//
// Usage: node scripts/bench/generate.js N DIR [--today YYYY-MM-DD]
//        node scripts/bench/generate.js --shares DIR   (prints the realism measures of DIR)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

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

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every whole-token occurrence of a key of `map` (slugs such as gemeinde-grasberg
 * or ikz-it) by its value. A token may follow a hyphen (logins like hvb-gemeinde-grasberg)
 * but not continue with a letter, digit or hyphen.
 */
function tokenReplacer(map) {
  const keys = Object.keys(map).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![A-Za-z0-9äöüß])(?:${keys.map(escapeRegExp).join('|')})(?![A-Za-z0-9äöüß-])`, 'g');
  return (text) => text.replace(pattern, (token) => map[token]);
}

/** Replaces the value of a top-level `key:` line, keeping its quotes. */
function setTopLevel(text, key, value) {
  const pattern = new RegExp(`^(${key}:[ \\t]*)(["']?)[^\\n"']*\\2[ \\t]*$`, 'm');
  if (!pattern.test(text)) throw new Error(`Vorlage ohne einzeilige Angabe „${key}:“ auf oberster Ebene.`);
  return text.replace(pattern, (_, head, quote) => `${head}${quote}${value}${quote}`);
}

function listYaml(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

/** Reads the shipped files: the templates, parsed once. */
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

/**
 * The template member with its approval chain on record: HVB login and term of office, a
 * deputy with login, and two delegations (HVB → deputy, deputy → CDO, the second within the
 * first) in force on `today`. Names stay open, as in the shipped file.
 */
function withDelegations(template, today) {
  const year = Number(today.slice(0, 4));
  const id = template.data.id;
  const doc = YAML.parseDocument(template.text);
  const logins = { hvb: `hvb-${id}`, deputy: `av-${id}`, cdo: `cdo-${id}` };
  doc.setIn(['hvb', 'github'], logins.hvb);
  doc.setIn(['hvb', 'gueltig'], doc.createNode({ von: `${year - 3}-11-01` }, { flow: true }));
  const deputy = doc.createNode({ amt: 'Allgemeine Vertretung', name: { offen: 'Name ist in den Quellen nicht erfasst.' }, github: logins.deputy });
  doc.set('vertretung', deputy);
  const period = (von, bis) => doc.createNode({ von, bis }, { flow: true });
  const delegations = doc.createNode([
    {
      von: logins.hvb,
      an: logins.deputy,
      umfang: 'Alle Freigaben während der Abwesenheit der HVB',
      gueltig: null,
      grundlage: 'Verfügung der HVB zur Abwesenheitsvertretung',
    },
    { von: logins.deputy, an: logins.cdo, umfang: 'Freigaben zu Zielen der Dimension Digitale Verwaltung, weitergegeben von der Vertretung', gueltig: null },
  ]);
  delegations.items[0].set('gueltig', period(`${year}-01-01`, `${year + 1}-12-31`));
  delegations.items[1].set('gueltig', period(`${year}-01-01`, `${year + 1}-06-30`));
  const map = doc.contents;
  const at = map.items.findIndex((pair) => pair.key && pair.key.value === 'vertretung');
  map.items.splice(at + 1, 0, doc.createPair('delegationen', delegations));
  return { ...template, text: doc.toString({ lineWidth: 0 }) };
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
 * default: the current date), `templates` (a governance/ folder, default: the shipped one),
 * `policies` (a policies/ folder to copy *.yaml from, default: the shipped one).
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
  // The member slot with the most open values carries the delegations.
  const openCounts = t.members.map((m) => countValues(m.data).open);
  const delegationSlot = openCounts.indexOf(Math.max(...openCounts));
  const delegating = withDelegations(t.members[delegationSlot], day);

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
  const strategyOf = new Map(t.strategies.map((s) => [s.data.mitglied, s]));
  for (let i = 0; i < n; i++) {
    const k = i % T;
    const g = Math.floor(i / T);
    const template = k === delegationSlot ? delegating : t.members[k];
    const id = memberIdOf(i);
    const kindWord = String(template.data.name).split(' ')[0];
    const replace = replacers[g];
    let text = replace(template.text);
    text = setTopLevel(text, 'name', `${kindWord} Nr. ${i + 1}`);
    write(`${FOLDERS.members}/${id}.yaml`, text);
    const strategy = strategyOf.get(template.data.id);
    if (strategy) write(`${FOLDERS.strategies}/${id}.yaml`, replace(strategy.text));
  }

  // Dimensions and goals.
  const exceptionSubjects = new Map(); // "ziel:1.1" → ["ziel:6.1", …]
  const cloneOf = (subject, clone) => {
    if (!exceptionSubjects.has(subject)) exceptionSubjects.set(subject, []);
    exceptionSubjects.get(subject).push(clone);
  };
  let goals = 0;
  let dimensions = 0;
  for (let g = 0; g < goalGroups; g++) {
    const inGroup = t.goals.slice(0, Math.min(t.goals.length, goalCount - g * t.goals.length));
    const usedDimensions = new Set(inGroup.map((z) => String(z.data.dimension)));
    for (const d of t.dimensions) {
      if (!usedDimensions.has(String(d.data.id))) continue;
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
  for (const file of t.copied) write(file.rel, file.rel === 'verbund.yaml' ? file.text.replace(/^mitglieder:\n(?:  - .*\n)+/m, memberList) : file.text);
  for (const name of listYaml(policiesDir)) {
    const file = path.join(root, 'policies', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(path.join(policiesDir, name), file);
    written.files++;
    written.bytes += fs.statSync(file).size;
  }
  return { members: n, goals, dimensions, bodies, delegatingMembers: Math.floor((n - delegationSlot - 1) / T) + 1, ...written };
}

/**
 * Appends to the list `ausnahmen:` a copy of each entry whose `gegenstand` was cloned, with
 * the clone's subject. Entries are cut from the text, so comments and folded texts stay.
 */
function cloneExceptions(text, subjects) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^ausnahmen:\s*(#.*)?$/.test(line));
  if (start < 0) return text;
  const itemIndent = (lines.slice(start + 1).find((line) => /^\s*- /.test(line)) ?? '').match(/^\s*/)[0];
  const entries = [];
  let end = start + 1;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith(`${itemIndent}- `)) entries.push([i]);
    else if (line.trim() !== '' && !line.startsWith(`${itemIndent} `) && !line.trimStart().startsWith('#')) break;
    end = i + 1;
    if (entries.length) entries[entries.length - 1][1] = i + 1;
  }
  const added = [];
  for (const [from, to] of entries) {
    const entry = lines.slice(from, to).join('\n').replace(/\n+$/, '');
    const match = entry.match(/gegenstand:[ \t]*["']?([a-z]+:[^"'\s#]+)/);
    for (const clone of (match && subjects.get(match[1])) ?? []) {
      added.push(entry.replace(/(gegenstand:[ \t]*["']?)[a-z]+:[^"'\s#]+/, `$1${clone}`));
    }
  }
  if (added.length === 0) return text;
  const before = lines.slice(0, end).join('\n').replace(/\n+$/, '');
  const after = lines.slice(end).join('\n');
  return `${before}\n${added.join('\n')}\n${after}`;
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
