// Baseline for the benchmark: read and parse every YAML file under DIR/governance with the
// same parser, and nothing else. Usage: node scripts/bench/parse-only.js DIR
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseDocument } = require('yaml');

const base = path.join(process.argv[2], 'governance');
let documents = 0;
for (const entry of fs.readdirSync(base, { recursive: true })) {
  if (!String(entry).endsWith('.yaml')) continue;
  parseDocument(fs.readFileSync(path.join(base, String(entry)), 'utf8')).toJS();
  documents++;
}
process.stdout.write(`${documents}\n`);
