import { checkGovernance } from '../../check/check';
import type { Model } from '../../model/model';
import { precompiledValidators } from '../../schema/validators';
import type { CommandIo } from '../main';

/**
 * The model for commands that use the data: only after the check passed, so no consumer
 * ever works on data with errors. On errors it prints them to stderr and returns undefined.
 */
export function loadChecked(root: string, io: CommandIo): Model | undefined {
  const result = checkGovernance(root, { validators: precompiledValidators() });
  if (result.ok) return result.model;
  const errors = result.findings.filter((f) => f.severity === 'error');
  io.err(
    `verbund: Die Governance-Daten haben ${errors.length} Fehler; bitte zuerst beheben (Einzelheiten: verbund check).\n` +
      errors.slice(0, 10).map((f) => `${f.file}:${f.line}:${f.column}  [${f.rule}] ${f.message}\n`).join(''),
  );
  return undefined;
}
