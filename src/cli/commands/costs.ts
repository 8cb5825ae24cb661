import { BudgetBook, verbundNeed } from '../../costs/budget';
import { computeCosts, decidedKeys, eachItemYear, largestYearTotal, openKeys, type CostsFilter } from '../../costs/compute';
import { formatEuro } from '../../costs/money';
import { nothingRecorded, textWriter, type CostsWriter, type Sink } from '../../costs/report';
import { csvWriter, jsonWriter, NotExactError } from '../../costs/report-data';
import { escapeLine } from '../../findings/escape';
import type { CheckedModel } from '../../model/model';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';
import { checkedDate, checkedModelFor, sourceFor } from './checked-model';
import { OutFile } from './out-file';

const FORMATS = ['text', 'json', 'csv', 'xlsx'] as const;
/** A workbook holds every share in memory (and Excel's sheets have limits): beyond this, --year or --member. */
const WORKBOOK_MAX_SHARES = 1_000_000;

interface CostsArgs {
  root: string;
  rev?: string;
  year?: string;
  member?: string;
  format?: string;
  out?: string;
}

/** `verbund costs`: every cost item split by its key, to the cent, per year and member, with each member's budget plan. */
export async function costsCommand(args: CostsArgs, io: CommandIo): Promise<number> {
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  if (format === 'xlsx' && args.out === undefined) throw new UsageError('--format xlsx schreibt eine Datei: bitte --out DATEI.xlsx angeben.');
  if (args.year !== undefined && !/^\d{4}$/.test(args.year)) throw new UsageError(`--year erwartet ein Jahr JJJJ, nicht „${args.year}“.`);
  const checked = checkedModelFor(sourceFor(args.root, args.rev), io, checkedDate(undefined));
  if (!checked) return EXIT_FINDINGS;
  const model = checked.model;
  if (args.member !== undefined && !model.mitglied(args.member)) throw new UsageError(`Das Mitglied „${args.member}“ gibt es nicht.`);
  const filter: CostsFilter = { year: args.year === undefined ? undefined : Number(args.year), member: args.member };
  if (model.kostenposten.length === 0) {
    // Nothing to split: the text says so (and which keys are still open); other formats stay well-formed and empty, the notice goes to stderr.
    const notice = nothingRecorded(openKeys(model));
    if (format === 'text' && args.out === undefined) {
      io.out(notice);
      return EXIT_OK;
    }
    io.err(notice.replace(/^(?=.)/gm, 'verbund: '));
  }
  if (format === 'json' || format === 'xlsx') {
    // Numbers there are doubles: refuse before writing anything rather than round a cent.
    const largest = largestYearTotal(model, filter);
    if (largest && largest.cents > BigInt(Number.MAX_SAFE_INTEGER)) {
      io.err(
        `verbund: Die Posten des Jahres ${largest.jahr} ergeben zusammen ${formatEuro(largest.cents)}; so große Summen lassen sich in ${format} nicht exakt als Zahl ausgeben (text und csv können es).\n`,
      );
      return EXIT_USAGE;
    }
  }
  const out = args.out === undefined ? undefined : OutFile.open(args.out, io);
  if (out === null) return EXIT_USAGE;
  const sink: Sink = out ? (text) => out.write(text) : (text) => io.out(text);
  try {
    const code = format === 'xlsx' ? await workbook(model, filter, out!, io) : stream(model, filter, format, sink, io);
    if (code !== EXIT_OK) {
      out?.discard();
      return code;
    }
    if (out && !out.commit(io)) return EXIT_USAGE;
    if (out) io.err(`verbund: Kosten nach ${escapeLine(args.out!)} geschrieben.\n`);
    return EXIT_OK;
  } catch (error) {
    out?.discard();
    if (!(error instanceof NotExactError)) throw error;
    io.err(`verbund: ${escapeLine(error.message)}\n`);
    return EXIT_USAGE;
  }
}

/** Text, JSON and CSV are written item by item as they are computed. */
function stream(model: CheckedModel, filter: CostsFilter, format: string, sink: Sink, io: CommandIo): number {
  const keys = decidedKeys(model);
  const writer: CostsWriter = format === 'json' ? jsonWriter(sink) : format === 'csv' ? csvWriter(sink, keys) : textWriter(sink, keys, filter);
  const book = new BudgetBook(model, filter.member);
  const run = eachItemYear(model, filter, (item) => {
    book.add(item);
    writer.item(item);
  });
  if (run.problems.length > 0) {
    io.err(run.problems.map((p) => `verbund: ${escapeLine(p)}\n`).join(''));
    return EXIT_FINDINGS;
  }
  writer.end({ keys: run.keys, openKeys: run.openKeys, budgets: book.budgets(), ...verbundNeed(model) });
  return EXIT_OK;
}

async function workbook(model: CheckedModel, filter: CostsFilter, out: OutFile, io: CommandIo): Promise<number> {
  const shares = model.kostenposten.reduce((n, p) => n + p.jahre.length, 0) * (filter.member === undefined ? model.mitglieder.length : 1);
  if (shares > WORKBOOK_MAX_SHARES) {
    io.err(
      `verbund: Bis zu ${shares} Anteile sind zu viele für eine Arbeitsmappe (höchstens ${WORKBOOK_MAX_SHARES}); bitte --year oder --member angeben oder --format csv verwenden.\n`,
    );
    return EXIT_USAGE;
  }
  const result = computeCosts(model, filter);
  if (result.problems.length > 0) {
    io.err(result.problems.map((p) => `verbund: ${escapeLine(p)}\n`).join(''));
    return EXIT_FINDINGS;
  }
  const book = new BudgetBook(model, filter.member);
  for (const item of result.items) book.add(item);
  // Loaded only here: the spreadsheet library is large, and every other command starts without it.
  const { costsWorkbook } = require('../../costs/workbook') as typeof import('../../costs/workbook');
  out.write(await costsWorkbook({ ...result, budgets: book.budgets(), ...verbundNeed(model) }));
  return EXIT_OK;
}
