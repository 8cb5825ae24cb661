import { escapeLine } from '../findings/escape';
import { hasChanges, type FieldChange, type ResourceRef, type StackChanges } from './diff';
import type { StackPlan } from './plan';

/** The JSON of DESIGN.md's contract; with --base also each stack's changes (additive fields). */
export interface PlanJson {
  stacks: {
    stack: string;
    cluster?: string;
    resources: ResourceRef[];
    changes?: Omit<StackChanges, 'stack'>;
  }[];
  base?: string;
}

export function planJson(plans: readonly StackPlan[], changes?: readonly StackChanges[], base?: string): PlanJson {
  const stacks = [...new Set([...plans.map((p) => p.stack), ...(changes ?? []).map((c) => c.stack)])].sort();
  return {
    stacks: stacks.map((stack) => {
      const plan = plans.find((p) => p.stack === stack);
      const resources = (plan?.resources ?? []).map(({ type, name, namespace }) => ({
        type,
        name,
        ...(namespace !== undefined ? { namespace } : {}),
      }));
      const found = changes?.find((x) => x.stack === stack);
      const stackChanges = found && {
        ...(found.cluster ? { cluster: found.cluster } : {}),
        added: found.added,
        removed: found.removed,
        changed: found.changed,
      };
      return { stack, ...(plan ? { cluster: plan.cluster } : {}), resources, ...(stackChanges ? { changes: stackChanges } : {}) };
    }),
    ...(base !== undefined ? { base } : {}),
  };
}

const NO_STACKS = 'Keine Stacks: stacks/ enthält keine Stack-Konfiguration (Pulumi.<stack>.yaml).';

const place = (r: ResourceRef) => `${r.type}  ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

/** Text: per stack its resources, or with --base what would be added (+), removed (-) and changed (~). */
export function planText(plans: readonly StackPlan[], changes?: readonly StackChanges[], base?: string): string {
  const lines: string[] = [];
  if (!changes) {
    for (const plan of plans) {
      lines.push(`Stack ${plan.stack}: ${plan.resources.length} Ressourcen im Cluster „${plan.cluster}“`);
      for (const r of plan.resources) lines.push(`  ${place(r)}`);
      lines.push('');
    }
    if (plans.length === 0) lines.push(NO_STACKS, '');
    return lines.map(escapeLine).join('\n');
  }
  if (changes.length === 0) lines.push(NO_STACKS);
  for (const c of changes) {
    if (!hasChanges(c)) {
      lines.push(`Stack ${c.stack}: keine Änderungen`);
      continue;
    }
    lines.push(`Stack ${c.stack}: ${c.added.length} hinzu, ${c.removed.length} entfernt, ${c.changed.length} geändert (gegenüber ${base})`);
    if (c.cluster) lines.push(`  ~ Cluster: ${c.cluster.before} → ${c.cluster.after} (alle Ressourcen ziehen um)`);
    for (const r of c.added) lines.push(`  + ${place(r)}`);
    for (const r of c.removed) lines.push(`  - ${place(r)}`);
    for (const r of c.changed) lines.push(`  ~ ${place(r)}: ${r.values.map(describeChange).join(', ')}`);
  }
  lines.push('');
  return lines.map(escapeLine).join('\n');
}

/** "field: old → new", values shortened; an added or removed field shows only its side. */
function describeChange(change: FieldChange): string {
  const show = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  };
  if (!('before' in change)) return `${change.field} (neu: ${show(change.after)})`;
  if (!('after' in change)) return `${change.field} (entfällt, war ${show(change.before)})`;
  return `${change.field} (${show(change.before)} → ${show(change.after)})`;
}
