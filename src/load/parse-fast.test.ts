// The fast path must never disagree with the `yaml` library: for every file it accepts,
// both give the same data; anything unusual it leaves to the precise path.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseFast } from './parse-fast';

const REPO = path.join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(dir, f));
}

function precise(text: string): unknown {
  return parse(text, { uniqueKeys: true, strict: true });
}

describe('parseFast', () => {
  it('gives the same data as `yaml` for every shipped and fixture file it accepts', () => {
    const files = [...yamlFiles(path.join(REPO, 'governance')), ...yamlFiles(path.join(REPO, 'test', 'fixtures'))];
    let accepted = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const fast = parseFast(text);
      if (!fast) continue;
      accepted++;
      expect(fast.data, file).toEqual(precise(text));
    }
    expect(accepted).toBeGreaterThan(files.length / 2);
  });

  it('agrees with `yaml` on generated documents in block and flow style', () => {
    const key = fc.oneof(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/), fc.constantFrom('~', 'null', 'true', '1', '0b1', '0o7', '1_0', '.inf'));
    // -0 is left out: js-yaml keeps the sign, yaml does not; no governance number can be negative.
    const number = fc.double({ noNaN: true }).filter((x) => !Object.is(x, -0));
    const scalar = fc.oneof(fc.string(), fc.integer(), number, fc.boolean(), fc.constant(null), fc.constantFrom('2025-11-27', '1.1', 'offen', 'yes', 'no', '0x1F', '0o17', '0b1010', '1_000', '+12', '007', '.inf', '-.Inf', '.NaN', '1e3', '1.', '.5', '~', 'Null', 'NULL', 'True', '- x', 'a: b', '#c', "'q'"));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), fc.boolean(), (data, flow) => {
        const text = stringify(data, { collectionStyle: flow ? 'flow' : 'block' });
        const fast = parseFast(text);
        if (fast) expect(fast.data).toEqual(precise(text));
      }),
      { numRuns: 400 },
    );
  });

  const declined: [string, string][] = [
    ['a syntax error', 'a: "offen\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!js/function "x"\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['a reserved key', 'a:\n  __proto__: 1\n'],
    ['an empty file', '# nur ein Kommentar\n'],
    ['tab indentation', 'a:\n\tb: 1\n'],
    ['a tab inside a quoted string continuation', 'a: "x\n\ty"\n'],
    ['carriage returns as line ends', 'a: 1\rb: 2\r'],
    ['a %YAML directive', '%YAML 1.1\n---\na: yes\n'],
    ['a key over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
    ['a null key', 'a:\n  ~: 1\n'],
  ];
  for (const [name, text] of declined) {
    it(`leaves ${name} to the precise path`, () => {
      expect(parseFast(text)).toBeUndefined();
    });
  }

  it('reads numbers as YAML 1.2 does: 0b1010 and 1_000 stay text', () => {
    expect(parseFast('a: 0b1010\nb: 1_000\nc: 0o17\nd: 0x1F\ne: .inf\nf: 007\n')).toEqual({ data: { a: '0b1010', b: '1_000', c: 15, d: 31, e: Infinity, f: 7 } });
  });

  it('accepts ampersands in prose', () => {
    expect(parseFast('titel: Informationssicherheit & Netze\n')).toEqual({ data: { titel: 'Informationssicherheit & Netze' } });
  });
});
