import { WERTE_PLATZHALTER, type WertePlatzhalter } from '../model/dienste';

const PLACEHOLDER = new RegExp(`\\{(${WERTE_PLATZHALTER.join('|')})\\}`, 'g');

/**
 * A deep copy of a service's Helm values with the stack's values put in for {host}, {domain},
 * … (the check allows no other placeholders). Keys stay as written.
 */
export function fillPlaceholders(values: object, by: Record<WertePlatzhalter, string>): Record<string, unknown> {
  return fill(values, by) as Record<string, unknown>;
}

function fill(value: unknown, by: Record<WertePlatzhalter, string>): unknown {
  if (typeof value === 'string') return value.replace(PLACEHOLDER, (_, name: WertePlatzhalter) => by[name]);
  if (Array.isArray(value)) return value.map((item) => fill(item, by));
  if (typeof value === 'object' && value !== null) {
    // defineProperty: a key such as __proto__ stays a plain key of the copy.
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      Object.defineProperty(out, key, { value: fill(item, by), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
