// src/infra/velero/types.generated.ts is generated from the CRD schemas in schemas/crds/ and
// committed; it must never drift. The type tests below run in `npm run typecheck`.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupStorageLocationSpec, ScheduleSpec } from './types.generated';

const REPO = path.join(__dirname, '..', '..', '..');
const { generateVeleroTypes, OUT } = createRequire(__filename)(path.join(REPO, 'scripts', 'gen-velero-types.js')) as {
  generateVeleroTypes: () => Promise<string>;
  OUT: string;
};

describe('the Velero types', () => {
  it('are up to date with the CRD schemas in schemas/crds (npm run types)', async () => {
    expect(fs.readFileSync(OUT, 'utf8'), 'src/infra/velero/types.generated.ts is out of date: run `npm run types`').toBe(await generateVeleroTypes());
  }, 30_000);
});

// Type tests: checked by tsc (npm run typecheck), nothing to run.
export function typeTests(): void {
  const schedule: ScheduleSpec = { schedule: '0 2 * * *', template: { includedNamespaces: ['a'], defaultVolumesToFsBackup: true } };
  // @ts-expect-error a field Velero does not know fails at compile time
  const misspelled: ScheduleSpec = { schedule: '0 2 * * *', template: { includeNamespaces: ['a'] } };
  // @ts-expect-error the deprecated restic field is not offered
  const restic: ScheduleSpec = { schedule: '0 2 * * *', template: { defaultVolumesToRestic: true } };
  // @ts-expect-error accessMode is ReadOnly or ReadWrite
  const mode: BackupStorageLocationSpec = { provider: 'aws', objectStorage: { bucket: 'b' }, accessMode: 'Lesen' };
  void [schedule, misspelled, restic, mode];
}
