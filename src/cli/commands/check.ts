import { checkGovernance } from '../../check/check';
import { RULES } from '../../check/rules';
import { STAGE_RULES } from '../../check/stage-rules';
import { resolveSeverities } from '../../check/severities';
import { loadGovernance } from '../../load/load';
import { precompiledValidators } from '../../schema/validators';
import fs from 'node:fs';
import { formatGithub } from '../format/github';
import { formatStepSummary } from '../format/step-summary';
import { formatJson } from '../format/json';
import { formatText } from '../format/text';
import { UsageError } from '../usage';
import type { CommandIo } from '../main';
import { checkedDate } from './checked-model';

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
    io.out(listRules(args.root));
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
  const today = checkedDate(args.today);
  const result = checkGovernance(args.root, { validators: precompiledValidators(), skip: args.skip, today });
  const title = result.model.verbund?.name ?? 'Verbund';
  if (format === 'json') io.out(formatJson(result));
  else if (format === 'github') {
    io.out(formatGithub(result));
    // On GitHub Actions, also fill the run's summary page.
    if (process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, formatStepSummary(result) + '\n');
  }
  else io.out(formatText(result, { verbose: args.verbose, title }));
  return result.ok ? 0 : 1;
}

const SEVERITY_NAME = { error: 'Fehler', warning: 'Warnung' } as const;

/** Every rule with its default severity and the one in force under this root's policies. */
function listRules(root: string): string {
  const { model } = loadGovernance(root, precompiledValidators());
  const { severityOf } = resolveSeverities(model, RULES);
  const head = `${'Regel'.padEnd(30)} ${'Standard'.padEnd(8)} ${'hier'.padEnd(8)} Beschreibung`;
  const stage = STAGE_RULES.map((r) => `${r.id.padEnd(30)} ${SEVERITY_NAME[r.severity].padEnd(8)} ${'fest'.padEnd(8)} ${r.description}`);
  const rules = RULES.map((r) => {
    const here = r.fixed ? 'fest' : (SEVERITY_NAME[severityOf(r)!] ?? 'aus');
    return `${r.id.padEnd(30)} ${SEVERITY_NAME[r.severity].padEnd(8)} ${here.padEnd(8)} ${r.description}`;
  });
  return [head, ...stage, ...rules].join('\n') + '\n';
}

