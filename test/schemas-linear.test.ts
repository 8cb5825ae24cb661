// Ajv checks uniqueItems with a hash only when the item schema states its type; otherwise it
// compares every pair - quadratic in a Verbund's member list. Every unique list says its type.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const DIR = path.join(__dirname, '..', 'schemas', 'governance');

it('every list with uniqueItems states its items’ type (Ajv’s linear uniqueness check)', () => {
  const untyped: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${at}/${i}`));
    if (typeof node !== 'object' || node === null) return;
    const schema = node as Record<string, unknown>;
    const items = schema.items as Record<string, unknown> | undefined;
    if (schema.uniqueItems === true && items && items.type === undefined) untyped.push(at);
    for (const [key, child] of Object.entries(schema)) walk(child, `${at}/${key}`);
  };
  for (const file of fs.readdirSync(DIR)) walk(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')), file);
  expect(untyped).toEqual([]);
});
