import { formatPath, type DataPath } from '../../load/source-file';
import type { Model } from '../../model/model';
import { isOffen } from '../../model/types';
import type { Rule } from '../rule';

export interface OpenValue {
  subject: string;
  item: object;
  path: DataPath;
  reason: string;
}

/** Every value recorded as open in the model, wherever it stands. */
export function openValues(model: Model): OpenValue[] {
  const found: OpenValue[] = [];
  for (const { subject, item } of model.items()) {
    walk(item, [], (path, reason) => found.push({ subject, item, path, reason }));
  }
  return found;
}

/** Reports every value recorded as open, so the Verbund sees what is still to be decided or found. */
export const offenerWert: Rule = {
  id: 'offener-wert',
  severity: 'warning',
  description: 'Meldet jeden offenen Wert (offen: …) als Warnung, damit sichtbar bleibt, was noch fehlt.',
  check({ model }) {
    return openValues(model).map(({ subject, item, path, reason }) => ({
      at: model.where(item, ...path),
      message: `Offener Wert bei „${formatPath(path)}“: ${reason}`,
      subject,
    }));
  },
};

function walk(value: unknown, path: (string | number)[], onOpen: (path: (string | number)[], reason: string) => void): void {
  if (isOffen(value)) {
    onOpen(path, value.offen);
  } else if (Array.isArray(value)) {
    value.forEach((entry, i) => walk(entry, [...path, i], onOpen));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) walk(entry, [...path, key], onOpen);
  }
}
