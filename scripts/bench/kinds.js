// The files of each kind below governance/, as globs for ajv-cli, derived from the layout
// the loader uses (src/schema/kinds.ts, compiled to dist/).
'use strict';
const path = require('node:path');

require('../build.js').buildIfStale();
const { COLLECTION_FOLDERS, SINGLE_FILES } = require(path.join(__dirname, '..', '..', 'dist', 'schema', 'kinds.js'));

const KIND_FOLDERS = {};
for (const [file, { kind }] of Object.entries(SINGLE_FILES)) KIND_FOLDERS[kind] = file;
for (const [folder, kind] of Object.entries(COLLECTION_FOLDERS)) KIND_FOLDERS[kind] = `${folder}/*.yaml`;

module.exports = { KIND_FOLDERS };
