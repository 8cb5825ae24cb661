#!/usr/bin/env node
// Builds dist/ from src/: transpiles TypeScript (type-checking is `npm run typecheck`)
// and compiles the JSON Schemas ahead of time into standalone Ajv validators, so the
// CLI starts without loading a compiler. `npm ci` runs it (prepare), and `npm run build`
// after a change; the tests rebuild when a source or schema is newer (buildIfStale).
// bin/verbund.js never builds: it runs dist/ as it is.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const SCHEMAS = path.join(ROOT, 'schemas', 'governance');
const DIST = path.join(ROOT, 'dist');
const STAMP = '.build-stamp';

/** Every file whose change makes dist/ stale. */
function buildInputs() {
  const files = [__filename, path.join(ROOT, 'tsconfig.json')];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (isSource(entry.name)) files.push(full);
    }
  };
  walk(SRC);
  for (const name of fs.readdirSync(SCHEMAS)) if (name.endsWith('.schema.json')) files.push(path.join(SCHEMAS, name));
  return files;
}

function isSource(name) {
  return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');
}

function isStale() {
  let built;
  try {
    built = fs.statSync(path.join(DIST, STAMP)).mtimeMs;
  } catch {
    return true;
  }
  return buildInputs().some((file) => fs.statSync(file).mtimeMs > built);
}

function transpile(outDir) {
  const ts = require('typescript');
  const { config } = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT);
  for (const file of buildInputs().filter((f) => f.startsWith(SRC + path.sep))) {
    const out = path.join(outDir, path.relative(SRC, file)).replace(/\.ts$/, '.js');
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { ...options, sourceMap: false, declaration: false },
      fileName: file,
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
}

function compileSchemas(outDir) {
  // The compiled library itself knows how to generate the standalone module.
  const { standaloneValidatorsSource } = require(path.join(outDir, 'schema', 'compile.js'));
  fs.writeFileSync(path.join(outDir, 'schema', 'validators.generated.js'), standaloneValidatorsSource(SCHEMAS));
}

/** Builds into a fresh directory and swaps it in, so a concurrent reader never sees half a build. */
function build() {
  const tmp = fs.mkdtempSync(path.join(ROOT, '.dist-'));
  try {
    transpile(tmp);
    compileSchemas(tmp);
    fs.writeFileSync(path.join(tmp, STAMP), new Date().toISOString() + '\n');
    fs.chmodSync(tmp, 0o755); // mkdtemp creates 0700; other users (CI runners, services) must read dist/
    const old = DIST + '.old-' + process.pid;
    if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
    fs.renameSync(tmp, DIST);
    fs.rmSync(old, { recursive: true, force: true });
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

function buildIfStale() {
  if (isStale()) build();
}

module.exports = { build, buildIfStale, isStale };

if (require.main === module) build();
