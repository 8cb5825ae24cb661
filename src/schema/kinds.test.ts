// The schemas belong to the tool: a Verbund that replaces governance/ wholesale keeps them.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { compileValidators } from './compile';
import { KINDS, SCHEMA_DIR, schemaFileName } from './kinds';

const REPO = path.join(__dirname, '..', '..');

it('every kind has its schema in the tool folder, and the data of a Verbund hold no schema', () => {
  for (const kind of KINDS) expect(fs.existsSync(path.join(REPO, SCHEMA_DIR, schemaFileName(kind))), kind).toBe(true);
  expect(Object.keys(compileValidators(path.join(REPO, SCHEMA_DIR))).sort()).toEqual([...KINDS].sort());
  // The example Verbund and the base fixture: complete data folders without a schema of their own.
  for (const root of [path.join(REPO, 'examples', 'musterverbund'), path.join(REPO, 'test', 'fixtures', 'base')]) {
    const dataFiles = fs.readdirSync(path.join(root, 'governance'), { recursive: true }) as string[];
    expect(dataFiles.filter((f) => f.endsWith('.yaml')).length, root).toBeGreaterThan(10);
    expect(
      dataFiles.filter((f) => f.endsWith('.json')),
      root,
    ).toEqual([]);
  }
});
