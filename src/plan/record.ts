import * as pulumi from '@pulumi/pulumi';
import { pointer } from '../findings/finding';

/** One resource the program registered, as the engine would receive it. */
export interface RecordedResource {
  /** Pulumi type token (kubernetes:core/v1:Namespace, verbund:infrastruktur:Umgebung, …). */
  type: string;
  /** Pulumi's logical name. */
  name: string;
  /** Logical name of the parent component, if any. */
  parent?: string;
  /** A custom resource (one the provider creates), not a component. */
  custom: boolean;
  /** The inputs, with secrets unwrapped. */
  inputs: Record<string, unknown>;
  /** JSON pointers of the inputs that were secret (never print or write them). */
  secretPaths: string[];
}

/** How the SDK marks a secret value in mock inputs (its wire format for secrets). */
const SECRET_SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIGNATURE = '1b47061264138c4ac30d75fd1eb44270';

/**
 * Runs a Pulumi program in this process under recording mocks (no engine, no CLI, no cluster)
 * and returns what it registered. Runs are sequential: the Pulumi runtime is process-global.
 */
export async function recordProgram(project: string, stack: string, program: () => unknown): Promise<RecordedResource[]> {
  const recorded: RecordedResource[] = [];
  const parents = new Map<string, string>();
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const secretPaths: string[] = [];
        const inputs = unwrapSecrets(args.inputs, '', secretPaths) as Record<string, unknown>;
        recorded.push({ type: args.type, name: args.name, custom: args.custom ?? true, inputs, secretPaths });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    project,
    stack,
    true,
  );
  // A program that refuses (bad data, a forbidden password) throws before it creates anything:
  // keep its error and hand it on after the run, instead of failing the runtime's own promises.
  let refused: unknown;
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation((args) => {
        const parent = (args.opts.parent as { __name?: string } | undefined)?.__name;
        if (parent !== undefined) parents.set(`${args.type}::${args.name}`, parent);
        return undefined;
      });
      try {
        return await program();
      } catch (error) {
        refused = error ?? new Error('refused');
        return undefined;
      }
    });
  } finally {
    await pulumi.runtime.disconnect();
  }
  if (refused !== undefined) throw refused;
  for (const r of recorded) {
    const parent = parents.get(`${r.type}::${r.name}`);
    if (parent !== undefined) r.parent = parent;
  }
  return recorded.filter((r) => r.type !== 'pulumi:pulumi:Stack');
}

function unwrapSecrets(value: unknown, at: string, secretPaths: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => unwrapSecrets(item, `${at}/${i}`, secretPaths));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE) {
    secretPaths.push(at);
    return unwrapSecrets(record.value, at, []);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    Object.defineProperty(out, key, {
      value: unwrapSecrets(item, at + pointer([key]), secretPaths),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
