import * as pulumi from '@pulumi/pulumi';
import { pointer } from '../findings/finding';
import { designStack } from '../infra/design';
import { stackProgram } from '../infra/program';
import type { CheckedModel } from '../model/model';
import { recordProgram, type RecordedResource } from './record';

/** The Pulumi project name (Pulumi.yaml `name`): config keys of the program begin with it. */
export const PROJECT = 'verbund-infrastruktur';

/** What stands in for a secret in every output of the plan. */
export const REDACTED = '[verdeckt]';

/** A Kubernetes resource a stack would create, as the plan shows it. */
export interface PlannedResource {
  type: string;
  /** The name in the cluster (metadata.name, or the Helm release's name). */
  name: string;
  namespace?: string;
  /** The inputs, with every secret replaced by [verdeckt]. */
  fields: Record<string, unknown>;
  /** Where secrets were (JSON pointers into fields). */
  secretPaths: string[];
  /** Pulumi's logical name and that of the component it belongs to. */
  logicalName: string;
  component?: string;
}

export interface StackPlan {
  stack: string;
  /** The kube context of the stack's provider: which cluster everything goes to. */
  cluster: string;
  resources: PlannedResource[];
}

/**
 * Runs the program for each stack under mocks, with placeholder secrets, and lists the
 * Kubernetes resources it would create, sorted, and the cluster they go to (the provider's
 * context). Components are left out: the plan shows what lands in the cluster.
 */
export async function planStacks(model: CheckedModel, stacks: readonly string[]): Promise<StackPlan[]> {
  const plans: StackPlan[] = [];
  for (const stack of stacks) {
    const design = designStack(model, stack);
    const placeholder = () => pulumi.secret(REDACTED);
    const recorded = await recordProgram(PROJECT, stack, () =>
      stackProgram(design, { repoPassword: placeholder(), partnerCredentials: placeholder(), ownTargetCredentials: placeholder() }),
    );
    const provider = recorded.find((r) => r.type === PROVIDER);
    plans.push({ stack, cluster: String(provider?.inputs.context ?? ''), resources: recorded.filter(isKubernetesObject).map(planned).sort(byPlace) });
  }
  return plans;
}

/** The provider of a stack: which cluster (kube context) its resources go to. */
const PROVIDER = 'pulumi:providers:kubernetes';

function isKubernetesObject(r: RecordedResource): boolean {
  return r.custom && r.type.startsWith('kubernetes:');
}

function planned(r: RecordedResource): PlannedResource {
  const { compat: _sdkConstant, ...inputs } = r.inputs; // the SDK adds compat: "true" to every Release
  const fields = redact(inputs, r.secretPaths) as Record<string, unknown>;
  const metadata = fields.metadata as { name?: string; namespace?: string } | undefined;
  const name = String(metadata?.name ?? fields.name ?? r.name);
  const namespace = metadata?.namespace ?? (fields.namespace as string | undefined);
  return {
    type: r.type,
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    fields,
    secretPaths: r.secretPaths,
    logicalName: r.name,
    ...(r.parent ? { component: r.parent } : {}),
  };
}

/** A copy of `value` with every secret path replaced by [verdeckt] (a secret object keeps its keys). */
function redact(value: unknown, secretPaths: readonly string[], at = ''): unknown {
  if (secretPaths.includes(at)) return hideLeaves(value);
  if (Array.isArray(value)) return value.map((item, i) => redact(item, secretPaths, `${at}/${i}`));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: redact(item, secretPaths, at + pointer([key])),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function hideLeaves(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return REDACTED;
  return Object.fromEntries(Object.keys(value).map((key) => [key, REDACTED]));
}

export function byPlace(a: Pick<PlannedResource, 'type' | 'name' | 'namespace'>, b: Pick<PlannedResource, 'type' | 'name' | 'namespace'>): number {
  return compare(a.type, b.type) || compare(a.namespace ?? '', b.namespace ?? '') || compare(a.name, b.name);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
