// The tool speaks of the adopter's Verbund: no message names Osterholz or its members, and none
// cites a section (§) or figure number of Osterholz's Leitlinie. The expected findings of every
// rule fixture are the messages word for word (rule-fixtures.test.ts holds them to the output).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../src/cli/usage';
import { listRuleCases, readExpected } from './fixture-cases';
import { EXAMPLE } from './fixture-cases';
import { verbund } from './support/cli';

const OSTERHOLZ = /Osterholz|Lilienthal|Grasberg|Ritterhude|Schwanewede|Worpswede|Hambergen|Scharmbeck|Steuerungsgruppe|§|Abbildung \d/;

describe('tool messages name no particular Verbund', () => {
  it('in every finding of every rule fixture', () => {
    const messages = listRuleCases().flatMap((c) => {
      const expected = readExpected(c.dir);
      return [...expected.findings, ...(expected.acknowledged ?? [])].map((f) => `${c.rule}/${c.name}: ${f.message}`);
    });
    expect(messages.length).toBeGreaterThan(150);
    expect(messages.filter((m) => OSTERHOLZ.test(m))).toEqual([]);
  });

  it('in the usage text, the rule list and the hints of the schemas', () => {
    expect(USAGE).not.toMatch(OSTERHOLZ);
    expect(verbund('check', '--rules', '--root', EXAMPLE).stdout).not.toMatch(OSTERHOLZ);
    const schemas = path.join(__dirname, '..', 'schemas', 'governance');
    for (const name of fs.readdirSync(schemas)) {
      const descriptions = [...fs.readFileSync(path.join(schemas, name), 'utf8').matchAll(/"description": "([^"]*)"/g)].map((m) => m[1]!);
      expect(
        descriptions.filter((d) => OSTERHOLZ.test(d)),
        name,
      ).toEqual([]);
    }
  });
});
