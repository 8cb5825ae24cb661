import { computeCosts } from '../../costs/compute';
import { costsCsv, costsJson, costsText } from '../../costs/report';
import { escapeLine } from '../../findings/escape';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CommandIo } from '../io';
import { checkedDate, checkedModelFor, sourceFor } from './checked-model';

const FORMATS = ['text', 'json', 'csv'] as const;

/** `verbund costs`: every cost item split by its key, to the cent, per year and member. */
export async function costsCommand(args: { root: string; rev?: string; year?: string; member?: string; format?: string }, io: CommandIo): Promise<number> {
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  if (args.year !== undefined && !/^\d{4}$/.test(args.year)) throw new UsageError(`--year erwartet ein Jahr JJJJ, nicht „${args.year}“.`);
  const checked = checkedModelFor(sourceFor(args.root, args.rev), io, checkedDate(undefined));
  if (!checked) return EXIT_FINDINGS;
  if (args.member !== undefined && !checked.model.mitglied(args.member)) throw new UsageError(`Das Mitglied „${args.member}“ gibt es nicht.`);
  const { items, problems } = computeCosts(checked.model, { year: args.year === undefined ? undefined : Number(args.year), member: args.member });
  if (problems.length > 0) {
    io.err(problems.map((p) => `verbund: ${escapeLine(p)}\n`).join(''));
    return EXIT_FINDINGS;
  }
  io.out(format === 'json' ? JSON.stringify(costsJson(items), null, 2) + '\n' : format === 'csv' ? costsCsv(items) : costsText(items));
  return EXIT_OK;
}
