import { formatPath, type DataPath } from '../../findings/finding';
import type { Model } from '../../model/model';
import { isOffen } from '../../model/types';
import type { Rule } from '../rule';

export interface OpenValue {
  subject: string;
  item: object;
  path: DataPath;
  reason: string;
}

const cache = new WeakMap<Model, OpenValue[]>();

/** Every value recorded as open in the model, wherever it stands (computed once per model). */
export function openValues(model: Model): OpenValue[] {
  let found = cache.get(model);
  if (!found) {
    found = [];
    for (const { subject, item } of model.items()) {
      walk(item, [], (path, reason) => found!.push({ subject, item, path, reason }));
    }
    cache.set(model, found);
  }
  return found;
}

/** Reports every value recorded as open, so the Verbund sees what is still to be decided or found. */
export const offenerWert: Rule = {
  id: 'offener-wert',
  severity: 'warning',
  category: 'empfehlung',
  description: 'Meldet jeden offenen Wert (offen: …) als Warnung, damit sichtbar bleibt, was noch fehlt.',
  check({ model }) {
    return openValues(model).map(({ item, path, reason }) => ({
      at: model.where(item, ...path),
      message: `Offener Wert bei „${formatPath(path)}“: ${reason}`,
    }));
  },
};

/** Depth-first over one item; the path is one shared stack, copied only for an open value. */
function walk(value: unknown, path: (string | number)[], onOpen: (path: (string | number)[], reason: string) => void): void {
  if (typeof value !== 'object' || value === null) return;
  if (isOffen(value)) {
    onOpen([...path], value.offen);
    return;
  }
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((entry, i) => [i, entry]) : Object.entries(value);
  for (const [key, entry] of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    path.push(key);
    walk(entry, path, onOpen);
    path.pop();
  }
}
