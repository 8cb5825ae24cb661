#!/usr/bin/env node
// `npm run docs`: writes docs/schemas.md, the reference of every governance file, from the schemas.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
require('./build.js').buildIfStale();
const { schemaReference } = require(path.join(ROOT, 'dist', 'docs', 'schema-reference.js'));
fs.writeFileSync(path.join(ROOT, 'docs', 'schemas.md'), schemaReference(path.join(ROOT, 'schemas', 'governance')));
