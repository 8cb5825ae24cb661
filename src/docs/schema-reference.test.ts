// docs/schemas.md is generated from the schemas and committed; it must never drift from them.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { schemaReference } from './schema-reference';

const REPO = path.join(__dirname, '..', '..');

it('docs/schemas.md is up to date with schemas/governance (npm run docs)', () => {
  const committed = fs.readFileSync(path.join(REPO, 'docs', 'schemas.md'), 'utf8');
  expect(committed).toBe(schemaReference(path.join(REPO, 'schemas', 'governance')));
});

it('documents every field of a goal with whether it is required', () => {
  const reference = schemaReference(path.join(REPO, 'schemas', 'governance'));
  expect(reference).toContain('| `meilensteine[].status` | ja | `offen`, `inArbeit`, `erreicht`, `verworfen`, `unbekannt` |');
  expect(reference).toContain('| `prioritaet` | ja | Text oder offen |');
  expect(reference).toContain('| `massnahmen[].verantwortlich` | nein |');
});
