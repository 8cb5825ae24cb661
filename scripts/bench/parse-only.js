// Baseline for the benchmark: read and parse every YAML file under DIR/governance and do
// nothing else. Usage: node scripts/bench/parse-only.js DIR yaml|js-yaml
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [dir, parser] = process.argv.slice(2);
const parse =
  parser === 'js-yaml'
    ? ((jsYaml) => (text) => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }))(require('js-yaml'))
    : ((yaml) => (text) => yaml.parseDocument(text).toJS())(require('yaml'));
const base = path.join(dir, 'governance');
let documents = 0;
for (const entry of fs.readdirSync(base, { recursive: true })) {
  if (!String(entry).endsWith('.yaml')) continue;
  parse(fs.readFileSync(path.join(base, String(entry)), 'utf8'));
  documents++;
}
process.stdout.write(`${documents}\n`);
