import { checkGovernance } from '../../check/check';
import { RULES } from '../../check/rules';
import { STAGE_RULES } from '../../check/stage-rules';
import { precompiledValidators } from '../../schema/validators';
import { formatGithub } from '../format/github';
import { formatJson } from '../format/json';
import { formatText } from '../format/text';
import { UsageError } from '../usage';
import type { CommandIo } from '../main';

const FORMATS = ['text', 'json', 'github'] as const;

export interface CheckArgs {
  root: string;
  format?: string;
  skip?: string[];
  verbose?: boolean;
  today?: string;
  rules?: boolean;
}

/** `verbund check`: load and validate everything; exit 1 when an error is found. */
export function checkCommand(args: CheckArgs, io: CommandIo): number {
  if (args.rules) {
    const all = [...STAGE_RULES, ...RULES];
    io.out(all.map((r) => `${r.id.padEnd(30)} ${r.severity === 'error' ? 'Fehler ' : 'Warnung'}  ${r.description}`).join('\n') + '\n');
    return 0;
  }
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  }
  const known = new Set(RULES.map((r) => r.id));
  for (const id of args.skip ?? []) {
    if (!known.has(id)) throw new UsageError(`Unbekannte Regel „${id}“ bei --skip. Bekannte Regeln: ${[...known].join(', ')}.`);
  }
  if (args.today !== undefined && !isCalendarDate(args.today)) {
    throw new UsageError(`--today erwartet ein gültiges Datum JJJJ-MM-TT, nicht „${args.today}“.`);
  }
  const result = checkGovernance(args.root, { validators: precompiledValidators(), skip: args.skip, today: args.today });
  const title = result.model.verbund?.name ?? 'Verbund';
  if (format === 'json') io.out(formatJson(result));
  else if (format === 'github') io.out(formatGithub(result));
  else io.out(formatText(result, { verbose: args.verbose, title }));
  return result.ok ? 0 : 1;
}

function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}
