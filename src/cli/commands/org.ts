import { buildOrgView } from '../../org/view';
import { formatOrgText } from '../../org/text';
import { OrganigramTooLarge, organigramSvg } from '../../org/svg';
import { EXIT_USAGE, UsageError, type CommandIo } from '../io';
import { checkedDate, checkedModelFor, sourceFor } from './checked-model';

const FORMATS = ['text', 'json', 'svg'] as const;

/** `verbund org`: members with HVB and deputy, bodies with escalation, roles; svg is the organigram. */
export async function orgCommand(args: { root: string; rev?: string; format?: string; today?: string }, io: CommandIo): Promise<number> {
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  }
  const today = checkedDate(args.today);
  const checked = checkedModelFor(sourceFor(args.root, args.rev), io, today);
  if (!checked) return 1;
  const view = buildOrgView(checked.model, today);
  if (format === 'json') io.out(JSON.stringify(view, null, 2) + '\n');
  else if (format === 'svg') {
    try {
      io.out(await organigramSvg(view));
    } catch (error) {
      if (!(error instanceof OrganigramTooLarge)) throw error;
      io.err(`verbund: ${error.message}\n`);
      return EXIT_USAGE;
    }
  } else io.out(formatOrgText(view));
  return 0;
}
