import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileValidators } from '../schema/compile';
import { TreeSource } from '../source/tree-source';
import { loadGovernance, type ParseCache } from './load';

const REPO = path.join(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'musterverbund');
const validators = compileValidators(path.join(REPO, 'schemas', 'governance'));

function filesBelow(dir: string, prefix: string): [string, Buffer][] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e): [string, Buffer][] =>
      e.isDirectory() ? filesBelow(path.join(dir, e.name), `${prefix}${e.name}/`) : [[`${prefix}${e.name}`, fs.readFileSync(path.join(dir, e.name))]],
    );
}

/** A tree source that counts what the loader reads. */
class CountingSource extends TreeSource {
  reads = 0;
  override read(file: string) {
    this.reads++;
    return super.read(file);
  }
}

describe('the parse cache (the audit loads many states of one history)', () => {
  const files = new Map([...filesBelow(path.join(EXAMPLE, 'governance'), 'governance/'), ...filesBelow(path.join(EXAMPLE, 'policies'), 'policies/')]);
  const ids = new Map([...files.keys()].map((file) => [file, `blob-of-${file}`]));

  it('parses each content once: a second load of the same state reads nothing, a changed file is read again', () => {
    const cache: ParseCache = new Map();
    const first = new CountingSource('eins', files, ids);
    const loaded = loadGovernance(first, validators, cache);
    expect(first.reads).toBe(files.size);
    const again = new CountingSource('zwei', files, ids);
    const reloaded = loadGovernance(again, validators, cache);
    expect(again.reads).toBe(0);
    expect(reloaded.model.mitglieder.map((m) => m.id)).toEqual(loaded.model.mitglieder.map((m) => m.id));
    expect(reloaded.findings).toEqual(loaded.findings);
    const member = 'governance/mitglieder/stadt-musterstadt.yaml';
    const changed = new CountingSource(
      'drei',
      new Map([...files, [member, Buffer.from(`${files.get(member)!.toString('utf8')}# neu\n`)]]),
      new Map([...ids, [member, 'blob-neu']]),
    );
    loadGovernance(changed, validators, cache);
    expect(changed.reads).toBe(1);
  });

  it('without content ids (the working tree) nothing is cached', () => {
    const cache: ParseCache = new Map();
    loadGovernance(new TreeSource('ohne', files), validators, cache);
    expect(cache.size).toBe(0);
  });
});
