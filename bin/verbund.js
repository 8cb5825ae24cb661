#!/usr/bin/env node
// Entry point of the `verbund` CLI. Runs the compiled library in dist/ and rebuilds it
// first when a source or schema changed, so `npx verbund` works right after `npm ci`.
'use strict';
const path = require('node:path');

try {
  require(path.join(__dirname, '..', 'scripts', 'build.js')).buildIfStale();
} catch (error) {
  process.stderr.write(`verbund: Interner Fehler beim Übersetzen des Werkzeugs: ${error.message}\n`);
  process.exit(2);
}
require(path.join(__dirname, '..', 'dist', 'cli', 'main.js')).run(process.argv.slice(2));
