import { diffPlans } from '../../plan/diff';
import { planJson, planText } from '../../plan/format';
import { InvalidManifest, renderManifests, writeManifests } from '../../plan/manifests';
import { planStacks } from '../../plan/plan';
import type { CheckedModel } from '../../pipeline';
import { escapeLine } from '../../findings/escape';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, UsageError, type CommandIo } from '../io';
import { checkedDate, checkedModelFor, sourceFor } from './checked-model';

const FORMATS = ['text', 'json'] as const;

interface PlanArgs {
  root: string;
  rev?: string;
  stack?: string;
  all?: boolean;
  base?: string;
  format?: string;
  out?: string;
  today?: string;
}

/**
 * `verbund plan`: runs the Pulumi program offline under mocks for each stack and lists the
 * Kubernetes resources it would create; --base REF also plans the governance of REF (read
 * from git, the work tree untouched) and shows what would be added, removed and changed;
 * --out writes the validated manifests (never Secret data).
 */
export async function planCommand(args: PlanArgs, io: CommandIo): Promise<number> {
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unbekanntes Format „${format}“. Erlaubt sind: ${FORMATS.join(', ')}.`);
  if (args.stack !== undefined && args.all) throw new UsageError('--stack und --all schließen einander aus.');
  const today = checkedDate(args.today);
  const head = checkedModelFor(sourceFor(args.root, args.rev), io, today);
  if (!head) return EXIT_FINDINGS;
  const stacks = chosenStacks(head.model, args.stack);
  const plans = await planStacks(head.model, stacks);
  let changes;
  if (args.base !== undefined) {
    const base = checkedModelFor(sourceFor(args.root, args.base, '--base'), io, today);
    if (!base) {
      io.err(`verbund: Die Daten von --base ${escapeLine(args.base)} haben Fehler; ohne sie ist kein Vergleich möglich.\n`);
      return EXIT_FINDINGS;
    }
    const baseStacks = stacks.filter((id) => base.model.stack(id) !== undefined);
    const removedStacks = args.stack === undefined ? base.model.stacks.map((s) => s.id).filter((id) => !stacks.includes(id)) : [];
    changes = diffPlans(await planStacks(base.model, [...baseStacks, ...removedStacks]), plans);
  }
  if (args.out !== undefined) {
    try {
      const manifests = renderManifests(plans);
      writeManifests(args.out, manifests);
      io.err(`verbund: ${manifests.length} Manifeste nach ${escapeLine(args.out)} geschrieben.\n`);
    } catch (error) {
      if (!(error instanceof InvalidManifest)) throw error;
      io.err(`verbund: ${escapeLine(error.message)}\n`);
      return EXIT_USAGE;
    }
  }
  io.out(format === 'json' ? JSON.stringify(planJson(plans, changes, args.base), null, 2) + '\n' : planText(plans, changes, args.base));
  return EXIT_OK;
}

function chosenStacks(model: CheckedModel, stack: string | undefined): string[] {
  const all = model.stacks.map((s) => s.id);
  if (stack === undefined) return all;
  if (!all.includes(stack)) {
    throw new InputError(`Den Stack „${stack}“ gibt es nicht (stacks/Pulumi.${stack}.yaml fehlt). Vorhanden: ${all.join(', ') || 'keine'}.`);
  }
  return [stack];
}
