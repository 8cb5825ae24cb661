import fs from 'node:fs';
import { grundlageOf, grundlageSentence, isWaivable } from '../../check/rule';
import { RULES } from '../../check/rules';
import { STAGE_RULES } from '../../check/stage-rules';
import { resolveSeverities } from '../../check/severities';
import { loadGovernance } from '../../load/load';
import type { Model } from '../../model/model';
import { checkSource, openSource } from '../../pipeline';
import { GitSourceError } from '../../source/git-source';
import { precompiledValidators } from '../../schema/validators';
import { formatGithub } from '../format/github';
import { formatStepSummary } from '../format/step-summary';
import { formatJson } from '../format/json';
import { formatText } from '../format/text';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, OutputError, UsageError, type CommandIo } from '../io';
import { checkedDate, sourceFor } from './checked-model';

const FORMATS = ['text', 'json', 'github'] as const;

export interface CheckArgs {
  root: string;
  rev?: string;
  format?: string;
  skip?: string[];
  verbose?: boolean;
  today?: string;
  rules?: boolean;
  /** Compare with this revision (the base branch): rules such as leitlinie-fassung need it. */
  base?: string;
}

/** `verbund check`: load and validate everything; exit 1 on an error, 2 if a rule failed internally. */
export function checkCommand(args: CheckArgs, io: CommandIo): number {
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  }
  const skippable = RULES.filter(isWaivable).map((r) => r.id);
  for (const id of args.skip ?? []) {
    if (skippable.includes(id)) continue;
    const known = RULES.some((r) => r.id === id) || STAGE_RULES.some((r) => r.id === id);
    throw new UsageError(
      known
        ? `„${id}“ sichert die Integrität der Daten und kann nicht ausgelassen werden (--skip). Auslassbar sind: ${skippable.join(', ')}.`
        : `Unbekannte Regel „${id}“ bei --skip. Auslassbar sind: ${skippable.join(', ')}.`,
    );
  }
  const today = checkedDate(args.today);
  const source = sourceFor(args.root, args.rev);
  if (args.rules) {
    io.out(listRules(source));
    return EXIT_OK;
  }
  const base = args.base === undefined ? undefined : baseModel(args.root, args.base);
  const result = checkSource(source, { validators: precompiledValidators(), skip: args.skip, today, ...(base ? { base } : {}) });
  const title = result.model.verbund?.name ?? 'Verbund';
  if (format === 'json') io.out(formatJson(result));
  else if (format === 'github') {
    io.out(formatGithub(result));
    // On GitHub Actions, also fill the run's summary page.
    if (process.env.GITHUB_STEP_SUMMARY) appendStepSummary(process.env.GITHUB_STEP_SUMMARY, formatStepSummary(result), io);
  } else io.out(formatText(result, { verbose: args.verbose, title }));
  if (result.internalErrors > 0) return EXIT_USAGE;
  return result.ok ? EXIT_OK : EXIT_FINDINGS;
}

/** The base branch's data, loaded (not checked: its own pull request was); an unknown revision is a usage error. */
function baseModel(root: string, rev: string): Model {
  try {
    return loadGovernance(openSource(root, rev), precompiledValidators()).model;
  } catch (error) {
    if (error instanceof GitSourceError) throw new UsageError(`--base: ${error.message}`);
    throw error;
  }
}

/** A failed write of the summary page (a full disk) is said in German, with exit 2, never as a stack trace. */
function appendStepSummary(file: string, summary: string, io: CommandIo): void {
  try {
    fs.appendFileSync(file, summary + '\n');
  } catch (error) {
    io.err(
      `verbund: Die Zusammenfassung für GitHub (${file}) kann nicht geschrieben werden (${(error as NodeJS.ErrnoException).code ?? 'Fehler'}); ist der Datenträger voll?\n`,
    );
    throw new OutputError();
  }
}

const SEVERITY_NAME = { error: 'Fehler', warning: 'Warnung' } as const;
const CATEGORY_NAME = { integritaet: 'Integrität', leitlinie: 'Leitlinie', empfehlung: 'Empfehlung' } as const;

/** Every rule with its default severity, the one in force under this root's policies, and whether an exception may waive it. */
function listRules(source: Parameters<typeof loadGovernance>[0]): string {
  const { model } = loadGovernance(source, precompiledValidators());
  const { severityOf } = resolveSeverities(model, RULES);
  const row = (id: string, category: string, standard: string, here: string, waivable: string, description: string) =>
    `${id.padEnd(30)} ${category.padEnd(11)} ${standard.padEnd(8)} ${here.padEnd(8)} ${waivable.padEnd(11)} ${description}`;
  const head = row('Regel', 'Art', 'Standard', 'hier', 'Ausnahme', 'Beschreibung');
  // Reading the files (YAML, schema) guards the integrity of everything after it.
  const stage = STAGE_RULES.map((r) => row(r.id, CATEGORY_NAME.integritaet, SEVERITY_NAME[r.severity], 'fest', 'nie', r.description));
  const rules = RULES.map((r) => {
    const here = r.category === 'empfehlung' ? (severityOf(r) ? SEVERITY_NAME[severityOf(r)!] : 'aus') : 'fest';
    const description = `${r.description} ${grundlageSentence(grundlageOf(r, model.pruefregeln?.grundlagen))}`;
    return row(r.id, CATEGORY_NAME[r.category], SEVERITY_NAME[r.severity], here, r.category === 'integritaet' ? 'nie' : 'möglich', description);
  });
  return [head, ...stage, ...rules].join('\n') + '\n';
}
