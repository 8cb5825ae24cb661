// The single js-yaml pass decides validity and data. It is held to the `yaml` library (strict
// YAML 1.2 plus the same policy): on every shipped and fixture file, and on mutated files,
// whatever it accepts `yaml` accepts too, with the same data, and positions agree. The corpus is
// the example Verbund and the fixtures (the tool's tests never read the data in governance/).
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, referenceParse } from '../../../test/support/yaml-reference';
import { KNOWN_REASON_PREFIXES } from './messages';
import { parseText } from '../read-yaml';
import { parseYaml } from './parse';
import { LineIndex, offsetAt } from './positions';

const REPO = path.join(__dirname, '..', '..', '..');

function corpus(): string[] {
  const files = [path.join('examples', 'musterverbund'), path.join('test', 'fixtures')].flatMap((dir) =>
    (fs.readdirSync(path.join(REPO, dir), { recursive: true }) as string[]).map((f) => path.join(REPO, dir, f)),
  );
  return files
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('expected.yaml'))
    .map((f) => fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''))
    .filter((text) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(text));
}

const FILES = corpus();

describe('parseYaml', () => {
  it('agrees with `yaml` on every shipped and fixture file: verdict, data and the position of every node', () => {
    expect(FILES.length).toBeGreaterThan(150);
    for (const text of FILES) {
      const ours = parseYaml(text);
      const reference = referenceParse(text);
      expect(ours.ok, text.slice(0, 200)).toBe(reference.ok);
      if (!ours.ok || !reference.ok) continue;
      expect(normalize(ours.data)).toEqual(reference.data);
      const lines = new LineIndex(text);
      for (const [pointer, position] of reference.positions) {
        const dataPath = pointer
          .split('/')
          .slice(1)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
        expect(lines.position(offsetAt(ours.positions, dataPath)), pointer).toEqual(position);
      }
    }
  });

  const PIECES = [
    '#',
    ' ',
    ':',
    '-',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    '\t',
    '\n',
    '&a ',
    '*a',
    '!',
    '?',
    '|',
    '>',
    ' #',
    '~',
    '\\',
    '%',
    '...',
    '---',
    'ä',
    ': ',
    '- ',
    '0',
    '? ',
    '<<: ',
    '!!str ',
    '%YAML 1.1\n---\n',
    '\r\n',
    '"\\x41"',
    "''",
    '|-\n',
    '>+\n',
    '1e3',
    '0x1F',
    '.inf',
    'null',
    'yes',
    '{a: 1}: ',
    '[a]: ',
    '"a": ',
    ' &x ',
    ' *x',
    '\u2028',
    '\u0085',
    'a:b',
    '#x\n',
    '-1',
    '+.5',
    '0o7',
    '1_0',
    '\n  ',
    '\n- ',
    '\n? ',
    '\n: ',
    '\n...\n',
    '|\n  x\n',
    '\r',
    '\u00a0',
    '\ufeff',
    '\u200b',
    '\u001b',
    '"\\u0000"',
    '--- ',
    '... ',
    '? a\n',
    '\t#',
    '"a\nb"',
    "'a\n b'",
    '>\n a\n\n b\n',
    '|2\n',
    '- - ',
    '[ ]',
    '{ }',
    '!<x> ',
    '%TAG ! x\n---\n',
    '<<',
    'NO',
    'on',
    '-.inf',
    '.NaN',
    '12:30',
    '-0',
    ',#',
    '[#',
  ];
  const mutation = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate-line', 'swap-lines', 'indent', 'dedent'),
    piece: fc.constantFrom(...PIECES),
  });

  function mutate(text: string, { at, op, piece }: { at: number; op: string; piece: string }): string {
    const pos = at % (text.length + 1);
    const lines = text.split('\n');
    const line = at % lines.length;
    switch (op) {
      case 'insert':
        return text.slice(0, pos) + piece + text.slice(pos);
      case 'delete':
        return text.slice(0, pos) + text.slice(pos + 1 + (at % 3));
      case 'replace':
        return text.slice(0, pos) + piece + text.slice(pos + 1);
      case 'duplicate-line':
        lines.splice(line, 0, lines[line]!);
        return lines.join('\n');
      case 'swap-lines': {
        const next = (line + 1) % lines.length;
        [lines[line], lines[next]] = [lines[next]!, lines[line]!];
        return lines.join('\n');
      }
      case 'indent':
        lines[line] = ' '.repeat(1 + (at % 3)) + lines[line];
        return lines.join('\n');
      default:
        lines[line] = lines[line]!.replace(/^ {1,2}/, '');
        return lines.join('\n');
    }
  }

  // Through the whole read stage (invisible characters and line ends are checked before parsing).
  it('accepts a mutated file only where `yaml` accepts it, and then reads the same data', () => {
    fc.assert(
      fc.property(fc.nat(FILES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        const text = mutations.reduce(mutate, FILES[index]!).replace(/^\uFEFF/, '');
        const ours = parseText(text, 'governance/x.yaml', 'dimension');
        if (!ours.ok) return;
        const reference = referenceParse(text);
        expect(reference.ok, JSON.stringify(text)).toBe(true);
        if (reference.ok) expect(isDeepStrictEqual(normalize(ours.data), reference.data), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 4000, seed: 20261130 },
    );
  });

  const cases: [string, string, string | object][] = [
    [
      'a comment needs a space before "#"',
      'a: "b"#c\n',
      'Vor einem Kommentar („#“) muss ein Leerzeichen stehen; gehört „#“ zum Text, den Text in Anführungszeichen setzen.',
    ],
    [
      'an anchor on an empty value is an anchor too',
      'a:\n  b: 1\n  c: &a \nd: 2\n',
      'Anker (&name) und Aliase (*name) sind in Governance-Dateien nicht erlaubt: jeder Wert steht ausgeschrieben dort, wo er gilt (Schutz vor Alias-Bomben).',
    ],
    [
      'an anchor on the line before its node, past a comment',
      '&a # Kommentar\n# noch einer\n{ a: 1 }\n',
      'Anker (&name) und Aliase (*name) sind in Governance-Dateien nicht erlaubt: jeder Wert steht ausgeschrieben dort, wo er gilt (Schutz vor Alias-Bomben).',
    ],
    ['a mapping cannot be a key', '{a: 1}: 2\n', 'Eine Liste oder Zuordnung kann kein Schlüssel sein; Schlüssel sind einfache Namen.'],
    ['a list cannot be a key', '[a]: 1\n', 'Eine Liste oder Zuordnung kann kein Schlüssel sein; Schlüssel sind einfache Namen.'],
    ['a null key', 'a:\n  ~: 1\n', 'Ein Schlüssel darf nicht leer sein (~ oder null); bitte einen Namen angeben.'],
    [
      '%YAML 1.1',
      '%YAML 1.1\n---\na: yes\n',
      'Die Direktive %YAML 1.1 ist nicht erlaubt; Governance-Dateien sind YAML 1.2 (die Direktive weglassen oder %YAML 1.2 schreiben).',
    ],
    ['a tag', 'a: !!str 1\n', 'YAML-Markierungen (Tags wie !!str oder !!js/function) sind in Governance-Dateien nicht erlaubt.'],
    ['an unknown tag', 'a: !!js/function "x"\n', 'Unbekannte YAML-Markierung (Tag); Tags wie !!js/function sind nicht erlaubt.'],
    [
      'an explicit key (stricter than YAML, on purpose)',
      '? a\n: b\n',
      'Schlüssel mit „?“ sind nicht erlaubt; bitte jeden Eintrag als „schlüssel: wert“ schreiben.',
    ],
    ['an explicit key in braces', 'a: { ? id: x, b: y }\n', 'Schlüssel mit „?“ sind nicht erlaubt; bitte jeden Eintrag als „schlüssel: wert“ schreiben.'],
    ['an explicit key in brackets', 'x: [? ]\n', 'Schlüssel mit „?“ sind nicht erlaubt; bitte jeden Eintrag als „schlüssel: wert“ schreiben.'],
    [
      'a comment right after a comma',
      'risiken: [Keine Vorsorge.,#Kommentar\n  Zweites Risiko]\n',
      'Vor einem Kommentar („#“) muss ein Leerzeichen stehen; gehört „#“ zum Text, den Text in Anführungszeichen setzen.',
    ],
    [
      'a comment right after a bracket',
      'x: [#c\n  a]\n',
      'Vor einem Kommentar („#“) muss ein Leerzeichen stehen; gehört „#“ zum Text, den Text in Anführungszeichen setzen.',
    ],
    [
      '%TAG before %YAML 1.1',
      '# c\n%TAG !e! tag:example.com,2000:\n%YAML 1.1\n---\na: yes\n',
      'Die Direktive „%TAG“ ist nicht erlaubt; Governance-Dateien brauchen keine Direktive außer %YAML 1.2.',
    ],
    ['content on the line of ---', '--- a: 1\n', 'Nach „---“ am Zeilenanfang darf in derselben Zeile nichts folgen; der Inhalt beginnt in der nächsten Zeile.'],
    ['text glued to ---', '---indings: 1\n', 'Nach „---“ am Zeilenanfang darf in derselben Zeile nichts folgen; der Inhalt beginnt in der nächsten Zeile.'],
    ['a question mark ending prose', 'a: Wer?\nb: 1\n', { a: 'Wer?', b: 1 }],
    [
      'a pair inside a flow list (stricter than YAML, on purpose)',
      'x: [a, b: c]\n',
      'Eine Zuordnung in einer Liste in Klammern bitte als { schlüssel: wert } schreiben.',
    ],
    ['a comment-only file', '# nur ein Kommentar\n', 'Die Datei ist leer.'],
    ['deep nesting', 'a: ' + '['.repeat(150) + ']'.repeat(150) + '\n', 'Die Daten sind zu tief verschachtelt (höchstens 100 Ebenen).'],
    [
      'YAML 1.2 numbers',
      'a: 0b1010\nb: 1_000\nc: 0o17\nd: 0x1F\ne: .inf\nf: 007\ng: 2025-11-27\nh: yes\n',
      { a: '0b1010', b: '1_000', c: 15, d: 31, e: Infinity, f: 7, g: '2025-11-27', h: 'yes' },
    ],
    ['%YAML 1.2', '%YAML 1.2\n---\na: 1\n', { a: 1 }],
    ['ampersands in prose', 'titel: Informationssicherheit & Netze\n', { titel: 'Informationssicherheit & Netze' }],
  ];
  for (const [name, text, expected] of cases) {
    it(`reads ${name}`, () => {
      const result = parseYaml(text);
      if (typeof expected === 'string') expect(result.ok ? 'angenommen' : result.issues[0]!.message).toBe(expected);
      else expect(result.ok ? result.data : result.issues).toEqual(expected);
    });
  }

  it('reports complex and null keys at their own line and column', () => {
    const text = 'a: 1\nb:\n  c: 2\n  ~: 3\nd:\n  [x, y]: 4\n';
    const result = parseYaml(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = new LineIndex(text);
    expect(result.issues.map((i) => ({ ...lines.position(i.offset), message: i.message }))).toEqual([
      { line: 4, column: 3, message: 'Ein Schlüssel darf nicht leer sein (~ oder null); bitte einen Namen angeben.' },
      { line: 6, column: 3, message: 'Eine Liste oder Zuordnung kann kein Schlüssel sein; Schlüssel sind einfache Namen.' },
    ]);
  });

  it('has a German text for every reason the pinned js-yaml can give', () => {
    const source = fs.readFileSync(path.join(REPO, 'node_modules', 'js-yaml', 'lib', 'loader.js'), 'utf8');
    const reasons = [...source.matchAll(/(?:throwError|throwWarning)\(state, ['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    expect(reasons.length).toBeGreaterThan(50);
    for (const reason of reasons)
      expect(
        KNOWN_REASON_PREFIXES.some((p) => reason.startsWith(p) || p.startsWith(reason)),
        reason,
      ).toBe(true);
  });

  it('stays linear on 100,000 keys in one mapping', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\n';
    const result = parseYaml(text);
    expect(result.ok && Object.keys(result.data as object).length).toBe(100_000);
  });
});
