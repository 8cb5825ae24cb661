import { formatPath, type DataPath } from '../../findings/finding';
import type { Model } from '../../model/model';
import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Calls `onOpen` for every value recorded as open in the model, wherever it stands. */
export function forEachOpenValue(model: Model, onOpen: (item: object, path: DataPath, reason: string) => void): void {
  for (const item of model.items()) walk(item, [], (path, reason) => onOpen(item, path, reason));
}

/** How many values are recorded as open (for the overview, also when the rule is switched off). */
export function countOpenValues(model: Model): number {
  let count = 0;
  forEachOpenValue(model, () => count++);
  return count;
}

/** Reports every value recorded as open, so the Verbund sees what is still to be decided or found. */
export const offenerWert: Rule = {
  id: 'offener-wert',
  severity: 'warning',
  category: 'empfehlung',
  grundlage: 'Konvention des Werkzeugs (nicht aus der Leitlinie): was die Quellen nicht enthalten, bleibt als offener Wert sichtbar',
  description: 'Meldet jeden offenen Wert (offen: …) als Warnung, damit sichtbar bleibt, was noch fehlt.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    forEachOpenValue(model, (item, path, reason) =>
      findings.push({ at: model.where(item, ...path), message: `Offener Wert bei „${formatPath(path)}“: ${reason}` }),
    );
    return findings;
  },
};

/** Depth-first over one item; the path is one shared stack, copied only for an open value. */
/** Depth-first over one item (depth is bounded by the parser); `path` is one shared stack that callers must not keep. */
function walk(value: unknown, path: (string | number)[], onOpen: (path: DataPath, reason: string) => void): void {
  if (typeof value !== 'object' || value === null) return;
  if (isOffen(value)) {
    onOpen(path, value.offen);
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) visit(value[i], i, path, onOpen);
  } else {
    for (const key in value) visit((value as Record<string, unknown>)[key], key, path, onOpen);
  }
}

function visit(entry: unknown, key: string | number, path: (string | number)[], onOpen: (path: DataPath, reason: string) => void): void {
  if (typeof entry !== 'object' || entry === null) return;
  path.push(key);
  walk(entry, path, onOpen);
  path.pop();
}
