const SPELT_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/**
 * A Kennung from a name, as a clerk would write it: lower case, umlauts spelt out (ü → ue,
 * ß → ss), accents dropped, every other run of characters a single hyphen.
 * "Stadt Osterholz-Scharmbeck" → "stadt-osterholz-scharmbeck".
 */
export function slugOf(name: string): string {
  return termOf(name).toLowerCase();
}

/**
 * A term's Kennung from its name, keeping upper and lower case: umlauts spelt out, accents
 * dropped, every other run of characters a hyphen. "Große kreisangehörige Stadt" →
 * "Grosse-kreisangehoerige-Stadt".
 */
export function termOf(name: string): string {
  return name
    .replace(/[äöüßÄÖÜ]/g, (c) => SPELT_OUT[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
