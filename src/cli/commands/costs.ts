import fs from 'node:fs';
import { budgets, einmaligVerbund } from '../../costs/budget';
import { computeCosts } from '../../costs/compute';
import { costsText, nothingRecorded, type CostsReport } from '../../costs/report';
import { costsCsv, costsJson } from '../../costs/report-data';
import { escapeLine } from '../../findings/escape';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CommandIo } from '../io';
import { checkedDate, checkedModelFor, sourceFor } from './checked-model';

const FORMATS = ['text', 'json', 'csv', 'xlsx'] as const;

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
  const result = computeCosts(model, { year: args.year === undefined ? undefined : Number(args.year), member: args.member });
  if (result.problems.length > 0) {
    io.err(result.problems.map((p) => `verbund: ${escapeLine(p)}\n`).join(''));
    return EXIT_FINDINGS;
  }
  const report: CostsReport = { ...result, budgets: budgets(model, result.items, args.member), einmaligVerbund: einmaligVerbund(model) };
  if (model.kostenposten.length === 0) {
    // Nothing to split: the text says so (and which keys are still open); other formats stay well-formed and empty, the notice goes to stderr.
    if (format === 'text' && args.out === undefined) {
      io.out(nothingRecorded(report));
      return EXIT_OK;
    }
    io.err(
      nothingRecorded(report)
        .replace(/^/gm, 'verbund: ')
        .replace(/verbund: $/, ''),
    );
  }
  const output = await render(report, format);
  if (args.out === undefined) {
    io.out(output as string);
    return EXIT_OK;
  }
  return writeOut(args.out, output, io);
}

async function render(report: CostsReport, format: string): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return JSON.stringify(costsJson(report), null, 2) + '\n';
    case 'csv':
      return costsCsv(report);
    case 'xlsx': {
      // Loaded only here: the spreadsheet library is large, and every other command starts without it.
      const { costsWorkbook } = require('../../costs/workbook') as typeof import('../../costs/workbook');
      return costsWorkbook(report);
    }
    default:
      return costsText(report);
  }
}

/** Written beside and renamed, so that a reader never sees half a file and a failed run leaves the old one. */
function writeOut(file: string, output: string | Buffer, io: CommandIo): number {
  const staging = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(staging, output, { flag: 'wx' });
    fs.renameSync(staging, file);
  } catch (error) {
    fs.rmSync(staging, { force: true });
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'der Ordner existiert nicht' : ((error as NodeJS.ErrnoException).code ?? 'unbekannter Fehler');
    io.err(`verbund: ${escapeLine(file)} lässt sich nicht schreiben (${reason}).\n`);
    return EXIT_USAGE;
  }
  io.err(`verbund: Kosten nach ${escapeLine(file)} geschrieben.\n`);
  return EXIT_OK;
}
