import { formatPath } from '../../load/source-file';
import { isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/** Reports every value recorded as open, so the Verbund sees what is still to be decided or found. */
export const offenerWert: Rule = {
  id: 'offener-wert',
  severity: 'warning',
  description: 'Meldet jeden offenen Wert (offen: …) als Warnung, damit sichtbar bleibt, was noch fehlt.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const { subject, item } of model.items()) {
      walk(item, [], (path, reason) => {
        findings.push({
          at: model.where(item, ...path),
          message: `Offener Wert bei „${formatPath(path)}“: ${reason}`,
          subject,
        });
      });
    }
    return findings;
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
