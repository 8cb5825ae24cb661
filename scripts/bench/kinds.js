// The YAML files of a Verbund grouped by the JSON Schema each names in its first line
// (`# yaml-language-server: $schema=…/<kind>.schema.json`), for ajv-cli, which takes one
// schema per call. Read from the files themselves, so it needs neither dist/ nor the build.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { yamlFiles } = require('./parse-only');

/** kind → files (absolute paths) under DIR whose modeline names kind.schema.json. */
function filesByKind(dir) {
  const kinds = {};
  for (const file of yamlFiles(dir)) {
    const head = fs.readFileSync(file, 'utf8').slice(0, 300);
    const match = head.match(/\$schema=\S*?([a-z]+)\.schema\.json/);
    if (match) (kinds[match[1]] ??= []).push(file);
  }
  return kinds;
}

module.exports = { filesByKind };

if (require.main === module) {
  for (const [kind, files] of Object.entries(filesByKind(path.resolve(process.argv[2] ?? '.')))) {
    process.stdout.write(`${kind}: ${files.length}\n`);
  }
}
