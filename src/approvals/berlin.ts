const BERLIN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (JJJJ-MM-TT) in Europe/Berlin of an instant: delegations are granted in local days. */
export function berlinDay(iso: string): string {
  return BERLIN.format(new Date(iso));
}
