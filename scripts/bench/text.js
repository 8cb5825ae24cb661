// Text helpers of the benchmark generator: the templates are cloned as text, so that comments,
// folded texts and key order stay as they are in the files.
'use strict';
const YAML = require('yaml');

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

/**
 * Appends to the list `ausnahmen:` a copy of each entry whose `gegenstand` was cloned, with
 * the clone's subject. The original entries stay as written (comments, folded texts); each
 * copy is one short line that points to its original, so that the file of a Verbund with
 * thousands of cloned goals stays below the 1 MiB a governance file may have.
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
    if (!match) continue;
    const [original] = YAML.parse(entry);
    for (const clone of subjects.get(match[1]) ?? []) added.push(`${itemIndent}- ${shortCopy(original, match[1], clone)}`);
  }
  if (added.length === 0) return text;
  const before = lines.slice(0, end).join('\n').replace(/\n+$/, '');
  const after = lines.slice(end).join('\n');
  return `${before}\n${added.join('\n')}\n${after}`;
}

/** One line of flow YAML: the exception for `clone`, its texts pointing to the original's. */
function shortCopy(original, subject, clone) {
  const note = `Wie die Ausnahme für ${subject} (Kopie des Benchmarks).`;
  const grundlage = { entscheidung: note, datum: original.grundlage.datum };
  return JSON.stringify({
    regel: original.regel,
    gegenstand: clone,
    ...(original.pfad ? { pfad: original.pfad } : {}),
    begruendung: note,
    grundlage,
    ...pick(original),
  });
}

/** Fields of an exception besides its texts that must stay (decider, dates), if present. */
function pick(original) {
  const kept = {};
  for (const key of ['entschiedenVon', 'entschiedenAm', 'gueltigBis']) if (original[key] !== undefined) kept[key] = original[key];
  return kept;
}

module.exports = { escapeRegExp, tokenReplacer, setTopLevel, cloneExceptions };
