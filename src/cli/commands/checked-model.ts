import { isCalendarDay } from '../../model/calendar-day';
import { loadChecked, openSource, type CheckResult } from '../../pipeline';
import type { CheckedModel } from '../../pipeline';
import { precompiledValidators } from '../../schema/validators';
import { GitSourceError } from '../../source/git-source';
import type { FileSource } from '../../source/file-source';
import { InputError, UsageError, type CommandIo } from '../io';
import { escapeLine } from '../../findings/escape';

/**
 * The source named by --root and a revision option (--rev, --base); an unknown revision ends
 * with exit 2 and a German message naming the option, without the usage text.
 */
export function sourceFor(root: string, rev: string | undefined, option = '--rev'): FileSource {
  try {
    return openSource(root, rev);
  } catch (error) {
    if (error instanceof GitSourceError) throw new InputError(`${option}: ${error.message}`);
    throw error;
  }
}

/**
 * The model for commands that use the data: only after the check passed, so no consumer
 * ever works on data with errors. On errors it prints them to stderr and returns undefined.
 */
export function checkedModelFor(source: FileSource, io: CommandIo, today: string): { model: CheckedModel; result: CheckResult } | undefined {
  const gate = loadChecked(source, { validators: precompiledValidators(), today });
  if (gate.ok) return gate;
  const errors = gate.result.findings.filter((f) => f.severity === 'error');
  io.err(
    `verbund: Die Governance-Daten haben ${gate.result.totals.errors} Fehler; bitte zuerst beheben (Einzelheiten: verbund check).\n` +
      errors
        .slice(0, 10)
        .map((f) => `${escapeLine(f.file)}:${f.line}:${f.column}  [${f.rule}] ${escapeLine(f.message)}\n`)
        .join(''),
  );
  return undefined;
}

/** The --today option checked as a real calendar date; default: today in UTC. */
export function checkedDate(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  if (!isCalendarDay(value)) throw new UsageError(`--today erwartet ein gültiges Datum JJJJ-MM-TT, nicht „${value}“.`);
  return value;
}
