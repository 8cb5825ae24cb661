const BERLIN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (JJJJ-MM-TT) in Europe/Berlin of an instant: delegations are granted in local days. */
export function berlinDay(iso: string): string {
  // Per UTC hour the Berlin day is the same (offsets are whole hours): format each hour once.
  const hour = new Date(iso).toISOString().slice(0, 13);
  let day = DAYS.get(hour);
  if (day === undefined) DAYS.set(hour, (day = BERLIN.format(new Date(`${hour}:00:00Z`))));
  return day;
}

const DAYS = new Map<string, string>();
