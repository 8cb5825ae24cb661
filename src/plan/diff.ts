import { byPlace, type PlannedResource, type StackPlan } from './plan';

export interface ResourceRef {
  type: string;
  name: string;
  namespace?: string;
}

export interface ChangedResource extends ResourceRef {
  /** The changed fields, as dotted paths (spec.hard.requests.cpu). */
  fields: string[];
  /** Old and new value of each changed field (absent where a field is added or removed); secrets stay [verdeckt]. */
  values: FieldChange[];
}

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface StackChanges {
  stack: string;
  /** A changed kube context: the whole stack moves to another cluster. */
  cluster?: { before: string; after: string };
  added: ResourceRef[];
  removed: ResourceRef[];
  changed: ChangedResource[];
}

/**
 * The offline equivalent of a preview: per stack (in either plan), what the head adds,
 * removes and changes against the base. Resources are the same when type, namespace and name
 * agree; a stack only in the base has everything removed, one only in the head everything added.
 */
export function diffPlans(base: readonly StackPlan[], head: readonly StackPlan[]): StackChanges[] {
  const stacks = [...new Set([...base, ...head].map((p) => p.stack))].sort();
  return stacks.map((stack) => {
    const before = indexed(base.find((p) => p.stack === stack)?.resources ?? []);
    const after = indexed(head.find((p) => p.stack === stack)?.resources ?? []);
    const added = [...after].filter(([key]) => !before.has(key)).map(([, r]) => ref(r));
    const removed = [...before].filter(([key]) => !after.has(key)).map(([, r]) => ref(r));
    const changed: ChangedResource[] = [];
    for (const [key, r] of after) {
      const old = before.get(key);
      if (!old) continue;
      const values = changedValues(old.fields, r.fields, '');
      if (values.length > 0) changed.push({ ...ref(r), fields: values.map((v) => v.field), values });
    }
    const [was, is] = [base.find((p) => p.stack === stack)?.cluster, head.find((p) => p.stack === stack)?.cluster];
    const cluster = was !== undefined && is !== undefined && was !== is ? { cluster: { before: was, after: is } } : {};
    return { stack, ...cluster, added: added.sort(byPlace), removed: removed.sort(byPlace), changed: changed.sort(byPlace) };
  });
}

export function hasChanges(c: StackChanges): boolean {
  return c.cluster !== undefined || c.added.length + c.removed.length + c.changed.length > 0;
}

function indexed(resources: readonly PlannedResource[]): Map<string, PlannedResource> {
  return new Map(resources.map((r) => [`${r.type}\u0000${r.namespace ?? ''}\u0000${r.name}`, r]));
}

function ref(r: PlannedResource): ResourceRef {
  return { type: r.type, name: r.name, ...(r.namespace !== undefined ? { namespace: r.namespace } : {}) };
}

/** The leaves that differ, with both values; an array counts as one value (order matters in Kubernetes lists). */
function changedValues(a: unknown, b: unknown, at: string): FieldChange[] {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => changedValues(a[key], b[key], at === '' ? key : `${at}.${key}`));
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  return [{ field: at === '' ? '(gesamt)' : at, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
