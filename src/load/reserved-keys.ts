/** Keys that would reach an object's prototype if a consumer copied the data carelessly. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
