// Bad and hostile input: each gets a German finding with file, line and column; nothing throws.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkGovernance } from '../pipeline';
import { compileValidators } from '../schema/compile';
import { MAX_FILE_BYTES, readYamlFile } from './read-yaml';
import { memorySource, memorySourceOf } from '../../test/support/memory-source';
import { checkSource } from '../pipeline';

const HEADER = '# yaml-language-server: $schema=../../schemas/governance/dimension.schema.json\n';
const validators = compileValidators(path.join(__dirname, '..', '..', 'schemas', 'governance'));
const BASE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'base');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-read-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function read(content: string | Buffer) {
  const file = 'governance/dimensionen/x.yaml';
  return readYamlFile(memorySource({ [file]: content }), file, 'dimension');
}

function only(result: ReturnType<typeof read>) {
  expect(result.findings).toHaveLength(1);
  return result.findings[0]!;
}

describe('readYamlFile', () => {
  it('reads a valid file with positions', () => {
    const result = read(`${HEADER}id: "1"\nname: Netze\nbeschreibung: Text.\n`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.source.locate(['name'])).toEqual({ file: 'governance/dimensionen/x.yaml', line: 3, column: 7 });
  });

  it('rejects a file over 1 MiB before parsing it', () => {
    const f = only(read(HEADER + 'beschreibung: ' + 'x'.repeat(MAX_FILE_BYTES) + '\n'));
    expect(f).toMatchObject({ rule: 'datei-zu-gross', line: 1, column: 1, severity: 'error' });
    expect(f.message).toContain('1 MiB');
  });

  it('accepts a file of exactly 1 MiB', () => {
    const text = `${HEADER}id: "1"\nname: Netze\nbeschreibung: `;
    const result = read(text + 'x'.repeat(MAX_FILE_BYTES - Buffer.byteLength(text) - 1) + '\n');
    expect(result.findings.filter((f) => f.rule === 'datei-zu-gross')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('names line and column of the first byte that is not UTF-8', () => {
    const f = only(read(Buffer.concat([Buffer.from(`${HEADER}id: "1"\nname: Gr`), Buffer.from([0xf6]), Buffer.from('n\n')])));
    expect(f).toMatchObject({ rule: 'datei-kein-utf8', line: 3, column: 9 });
  });

  it('rejects duplicate keys at the second occurrence', () => {
    const f = only(read(`${HEADER}id: "1"\nname: A\nname: B\n`));
    expect(f).toMatchObject({ rule: 'yaml-doppelter-schluessel', line: 4, column: 1 });
  });

  it('rejects an alias bomb without expanding it', () => {
    const bomb = [HEADER + 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      bomb.push(
        `${name}: &${name} [${Array(9)
          .fill('*' + prev)
          .join(',')}]`,
      );
    }
    const started = Date.now();
    const result = read(bomb.join('\n') + '\n');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.ok).toBe(false);
    expect(result.findings.every((f) => f.rule === 'yaml-alias')).toBe(true);
    expect(result.findings[0]).toMatchObject({ line: 2, column: 4 });
  });

  it('rejects __proto__ keys and leaves Object.prototype alone', () => {
    const f = only(read(`${HEADER}id: "1"\n__proto__:\n  polluted: true\n`));
    expect(f).toMatchObject({ rule: 'yaml-reservierter-schluessel', line: 3, column: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects tabs used for indentation', () => {
    const result = read(`${HEADER}vision:\n\tjahr: 2031\n`);
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({ rule: 'yaml-syntax', line: 3 });
  });

  it('rejects an empty file', () => {
    expect(only(read(''))).toMatchObject({ rule: 'yaml-syntax', line: 1, column: 1 });
  });

  it('rejects unknown tags instead of running them', () => {
    expect(only(read(`${HEADER}name: !!js/function "return 1"\n`))).toMatchObject({ rule: 'yaml-syntax', line: 2 });
  });

  it('rejects invisible control characters with their position', () => {
    expect(only(read(`${HEADER}id: "1"\nname: Netze\u0000x\n`))).toMatchObject({ rule: 'datei-steuerzeichen', line: 3, column: 12 });
  });

  it('rejects CR-only line endings and accepts CRLF', () => {
    expect(only(read(`${HEADER}id: "1"\rname: Netze\r`))).toMatchObject({ rule: 'yaml-syntax', line: 2, column: 8 });
    const crlf = read(`${HEADER}id: "1"\r\nname: Netze\r\nbeschreibung: Text.\r\nart: x\r\n`.replace('\n', '\r\n'));
    expect(crlf.ok).toBe(true);
    if (crlf.ok) expect(crlf.source.locate(['art'])).toMatchObject({ line: 5, column: 6 });
  });

  it('rejects a second document', () => {
    expect(only(read(`${HEADER}id: "1"\n---\nid: "2"\n`))).toMatchObject({ rule: 'yaml-mehrere-dokumente', line: 3 });
  });
});

describe('the check with bad files', () => {
  function root(): string {
    const r = path.join(dir, 'repo');
    fs.cpSync(BASE, r, { recursive: true });
    return r;
  }

  it('one broken file never hides the findings of the others', () => {
    const r = root();
    fs.writeFileSync(path.join(r, 'governance/dimensionen/1-infrastruktur.yaml'), `${HEADER}id: "1"\nname: [\n`);
    fs.writeFileSync(
      path.join(r, 'governance/ziele/1.2-synergien.yaml'),
      fs.readFileSync(path.join(r, 'governance/ziele/1.2-synergien.yaml'), 'utf8').replace('status: inArbeit', 'status: fertig'),
    );
    const result = checkGovernance(r, { validators, today: '2026-11-21' });
    expect(result.findings.map((f) => `${f.rule} ${f.file}`)).toEqual([
      'yaml-syntax governance/dimensionen/1-infrastruktur.yaml',
      'schema governance/ziele/1.2-synergien.yaml',
    ]);
    expect(result.summary.goals).toBe(1);
    expect(result.summary.unloadedFiles).toBe(2);
  });

  it('an empty text says so', () => {
    const r = root();
    const file = path.join(r, 'governance/dimensionen/1-infrastruktur.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('name: Infrastruktur', 'name: "  "'));
    const result = checkGovernance(r, { validators, today: '2026-11-21' });
    expect(result.findings).toMatchObject([{ rule: 'schema', line: 4, column: 7, message: 'Bei „name“: der Text darf nicht leer sein.' }]);
  });

  it('a file with only a wrong schema comment still counts as loaded', () => {
    const r = root();
    const file = path.join(r, 'governance/ziele/1.2-synergien.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^# yaml-language-server.*$/m, '# kein Schema'));
    const result = checkGovernance(r, { validators, today: '2026-11-21' });
    expect(result.findings.map((f) => f.rule)).toEqual(['schema-kommentar']);
    expect(result.summary).toMatchObject({ goals: 2, unloadedFiles: 0 });
  });

  it('a file of 2 MiB in a real tree is a finding, and the rest is still checked', () => {
    const r = root();
    fs.writeFileSync(path.join(r, 'governance/gremien/gross.yaml'), 'x'.repeat(2 * MAX_FILE_BYTES));
    const result = checkGovernance(r, { validators, today: '2026-11-21' });
    expect(result.findings).toMatchObject([{ rule: 'datei-zu-gross', file: 'governance/gremien/gross.yaml', line: 1, column: 1 }]);
    expect(result.summary.bodies).toBe(2);
  });

  it('an unreadable file or folder is a finding, and the rest is still checked', () => {
    const source = memorySourceOf(BASE, { 'governance/ziele/1.2-synergien.yaml': { error: 'EACCES' } }, { 'governance/gremien': 'EACCES' });
    const result = checkSource(source, { validators, today: '2026-11-21' });
    expect(result.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'datei-unlesbar governance/gremien:1:1 Kann nicht gelesen werden (EACCES); bitte Zugriffsrechte prüfen.',
      'datei-unlesbar governance/ziele/1.2-synergien.yaml:1:1 Die Datei kann nicht gelesen werden (EACCES); bitte Zugriffsrechte prüfen.',
    ]);
    expect(result.summary).toMatchObject({ goals: 1, unloadedFiles: 1 });
  });

  it('a symbolic link is not followed', () => {
    const r = root();
    fs.symlinkSync('/etc/passwd', path.join(r, 'governance/gremien/link.yaml'));
    const result = checkGovernance(r, { validators, today: '2026-11-21' });
    expect(result.findings).toMatchObject([{ rule: 'datei-unbekannt', file: 'governance/gremien/link.yaml' }]);
  });

  it('the check writes nothing', () => {
    const r = root();
    const before = snapshot(r);
    checkGovernance(r, { validators, today: '2026-11-21' });
    expect(snapshot(r)).toEqual(before);
  });
});

function snapshot(r: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of fs.readdirSync(r, { recursive: true, withFileTypes: false }) as string[]) {
    const full = path.join(r, file);
    if (fs.statSync(full).isFile()) out[file] = fs.readFileSync(full, 'utf8');
  }
  return out;
}
