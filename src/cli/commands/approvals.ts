import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import path from 'node:path';
import { baseGovernance } from '../../approvals/base-governance';
import { evaluate } from '../../approvals/evaluate';
import type { Snapshot } from '../../approvals/snapshot';
import { formatDecisionText } from '../../approvals/summary';
import { escapeLine } from '../../findings/escape';
import { loadChecked } from '../../pipeline';
import { precompiledValidators } from '../../schema/validators';
import { GitSourceError } from '../../source/git-source';
import { isFailure } from '../../source/file-source';
import { openSource } from '../../pipeline';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';

export interface ApprovalsArgs {
  root: string;
  snapshot?: string;
  format?: string;
  now?: string;
}

const FORMATS = ['text', 'json'] as const;
const SNAPSHOT_SCHEMA = path.join(__dirname, '..', '..', '..', 'schemas', 'output', 'approvals-snapshot.schema.json');

/**
 * `verbund approvals --snapshot FILE`: the HVB approval of a pull request, decided offline
 * from a saved snapshot and the governance of its base commit (read from git, never from the
 * pull request). Exit 0 approved, 1 not approved, 2 when something could not be read.
 */
export async function approvalsCommand(args: ApprovalsArgs, io: CommandIo): Promise<number> {
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  if (args.snapshot === undefined) throw new UsageError('Bitte --snapshot DATEI angeben (eine mit --save-snapshot gespeicherte Momentaufnahme).');
  const now = args.now ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(now))) throw new UsageError(`--now erwartet einen Zeitpunkt wie 2026-11-30T10:00:00Z, nicht „${now}“.`);
  const snapshot = readSnapshot(args.snapshot);
  let source;
  try {
    source = openSource(args.root, snapshot.base.sha);
  } catch (error) {
    if (!(error instanceof GitSourceError)) throw error;
    io.err(`verbund: Der Basis-Commit ${snapshot.base.sha} ist nicht lesbar (${escapeLine(error.message)}); nichts ist freigegeben.\n`);
    return EXIT_USAGE;
  }
  const gate = loadChecked(source, { validators: precompiledValidators(), today: now.slice(0, 10) });
  if (!gate.ok) {
    // Fail closed: rules or identities with errors approve nothing.
    io.err(
      `verbund: Die Governance-Daten des Basis-Commits haben ${gate.result.totals.errors} Fehler; ohne lesbare Regeln ist nichts freigegeben (Einzelheiten: verbund check --rev ${snapshot.base.sha}).\n`,
    );
    return EXIT_FINDINGS;
  }
  const read = (file: string) => {
    const bytes = source.read(file);
    return isFailure(bytes) ? undefined : bytes;
  };
  const decision = evaluate(snapshot, baseGovernance(gate.model, read), now);
  io.out(format === 'json' ? JSON.stringify(decision, null, 2) + '\n' : formatDecisionText(decision));
  return decision.ok ? EXIT_OK : EXIT_FINDINGS;
}

/** A saved snapshot, checked against its schema; a broken file is a usage error with the reason. */
function readSnapshot(file: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Die Momentaufnahme „${file}“ ist nicht lesbar: ${(error as Error).message}`);
  }
  const ajv = new Ajv2020({ allErrors: false, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SNAPSHOT_SCHEMA, 'utf8')));
  if (!validate(data)) {
    const e = validate.errors![0]!;
    throw new UsageError(`Die Momentaufnahme „${file}“ passt nicht zum Schema (${e.instancePath || '/'} ${e.message}).`);
  }
  return data as Snapshot;
}
