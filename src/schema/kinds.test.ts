// The schemas belong to the tool: a Verbund that replaces governance/ wholesale keeps them.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { compileValidators } from './compile';
import { KINDS, SCHEMA_DIR, schemaFileName } from './kinds';

const REPO = path.join(__dirname, '..', '..');

it('every kind has its schema in the tool folder, and governance/ holds no schema', () => {
  for (const kind of KINDS) expect(fs.existsSync(path.join(REPO, SCHEMA_DIR, schemaFileName(kind))), kind).toBe(true);
  expect(Object.keys(compileValidators(path.join(REPO, SCHEMA_DIR))).sort()).toEqual([...KINDS].sort());
  const dataFiles = fs.readdirSync(path.join(REPO, 'governance'), { recursive: true }) as string[];
  expect(dataFiles.filter((f) => f.endsWith('.json'))).toEqual([]);
});
