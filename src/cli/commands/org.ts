import { buildOrgView } from '../../org/view';
import { formatOrgText } from '../../org/text';
import { organigramSvg } from '../../org/svg';
import { UsageError, type CommandIo } from '../io';
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
  else if (format === 'svg') io.out(await organigramSvg(view));
  else io.out(formatOrgText(view));
  return 0;
}
