#!/usr/bin/env node
// Entry point of the `verbund` CLI: runs the compiled library in dist/, which `npm ci` builds
// (script prepare). Nothing is compiled at run time; after changing src/, run `npm run build`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('verbund: Das Werkzeug ist nicht übersetzt (dist/ fehlt); bitte „npm ci“ oder „npm run build“ ausführen.\n');
  process.exit(2);
}
require(main).run(process.argv.slice(2));
