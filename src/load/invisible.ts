import type { DataPath } from '../findings/finding';

/**
 * Characters that are never intended in governance data and can hide or fake text: C0 and C1
 * controls other than tab and line feed (a carriage return is allowed only before a line feed,
 * which the caller checks), zero-width characters and the soft hyphen, bidirectional marks,
 * overrides and isolates, the Unicode line separators and tag characters.
 */
export const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/;

/** The same, with a carriage return: inside a value (written as \r) it is never a line end. */
const INVISIBLE_IN_VALUE = new RegExp(`${INVISIBLE.source}|\\r`);

const NAMES: Record<string, string> = {
  '0000': 'Nullzeichen',
  '0007': 'Klingelzeichen',
  '000D': 'Wagenrücklauf',
  '001B': 'Escape-Zeichen',
  '00AD': 'weiches Trennzeichen',
  '061C': 'arabische Richtungsmarke',
  '200B': 'Breite-null-Leerzeichen',
  '200D': 'Breite-null-Verbinder',
  '200E': 'Richtungsmarke',
  '200F': 'Richtungsmarke',
  '2028': 'Zeilentrenner',
  '202E': 'Umkehrung der Schreibrichtung',
  '2066': 'Richtungsisolierung',
  FEFF: 'Byte-Order-Mark mitten im Text',
};

/** „U+001B (Escape-Zeichen)“ for the character at the start of `text`. */
export function describeInvisible(text: string): string {
  const code = (text.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[code] ?? (code.startsWith('E00') ? 'Tag-Zeichen' : undefined);
  return `U+${code}${name ? ` (${name})` : ''}`;
}

/** How often such characters occur in a text (for the message: one finding per file). */
export function countInvisible(text: string): number {
  return text.match(new RegExp(INVISIBLE.source, 'g'))?.length ?? 0;
}

/**
 * The first key or string value that holds an invisible character after parsing, e.g. one
 * written as an escape ("\e", "\u202e") inside double quotes. Iterative: deep data cannot
 * overflow the stack.
 */
export function firstInvisibleValue(data: unknown): { path: DataPath; key: boolean; character: string } | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const match = INVISIBLE_IN_VALUE.exec(value);
      if (match) return { path, key: false, character: match[0] };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (typeof key === 'string') {
        const match = INVISIBLE_IN_VALUE.exec(key);
        if (match) return { path: [...path, key], key: true, character: match[0] };
      }
      if (typeof child === 'string' || (typeof child === 'object' && child !== null)) stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
