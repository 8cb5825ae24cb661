#!/usr/bin/env node
// The floor of the benchmark: start node, read every YAML file the check reads under DIR
// (governance/**/*.yaml and policies/*.yaml) and parse each once with `yaml`, nothing else.
// Usage: node scripts/bench/parse-only.js DIR   (prints the number of files parsed)
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** The YAML files of a Verbund below DIR, sorted. */
function yamlFiles(dir) {
  const files = [];
  const base = path.join(dir, 'governance');
  for (const entry of fs.readdirSync(base, { recursive: true })) {
    if (String(entry).endsWith('.yaml')) files.push(path.join(base, String(entry)));
  }
  const policies = path.join(dir, 'policies');
  if (fs.existsSync(policies)) {
    for (const name of fs.readdirSync(policies)) if (name.endsWith('.yaml')) files.push(path.join(policies, name));
  }
  return files.sort();
}

module.exports = { yamlFiles };

if (require.main === module) {
  const { parse } = require('yaml');
  const files = yamlFiles(process.argv[2]);
  for (const file of files) parse(fs.readFileSync(file, 'utf8'));
  process.stdout.write(`${files.length}\n`);
}
