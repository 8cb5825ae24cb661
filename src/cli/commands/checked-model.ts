import { checkGovernance } from '../../check/check';
import type { Model } from '../../model/model';
import { precompiledValidators } from '../../schema/validators';
import type { CommandIo } from '../main';
import { UsageError } from '../usage';

/**
 * The model for commands that use the data: only after the check passed, so no consumer
 * ever works on data with errors. On errors it prints them to stderr and returns undefined.
 */
export function loadChecked(root: string, io: CommandIo, today: string): Model | undefined {
  const result = checkGovernance(root, { validators: precompiledValidators(), today });
  if (result.ok) return result.model;
  const errors = result.findings.filter((f) => f.severity === 'error');
  io.err(
    `verbund: Die Governance-Daten haben ${errors.length} Fehler; bitte zuerst beheben (Einzelheiten: verbund check).\n` +
      errors.slice(0, 10).map((f) => `${f.file}:${f.line}:${f.column}  [${f.rule}] ${f.message}\n`).join(''),
  );
  return undefined;
}

/** The --today option checked as a real calendar date; default: today in UTC. */
export function checkedDate(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!valid) throw new UsageError(`--today erwartet ein gültiges Datum JJJJ-MM-TT, nicht „${value}“.`);
  return value;
}
