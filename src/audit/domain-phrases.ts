/** One change in a file's data: where (field names and item labels), what kind, the values. */
export interface DataChange {
  path: string[];
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** For an item added to or removed from a list: the list's key. */
  list?: string;
}

/** Field names as the Verbund says them; others are shown as written in the file. */
const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  titel: 'Titel',
  name: 'Name',
  version: 'Fassung',
  gueltig: 'gültig',
  hvb: 'HVB',
  vertretung: 'Vertretung',
  einwohner: 'Einwohner',
};

/**
 * The changes as German sentences, in the words of the domain: a milestone's new status with
 * what came with it in one line, a delegation by the people it names and its period, a cost
 * key's share as a percentage. `data` is the file after the change (to name people).
 */
export function phrase(changes: readonly DataChange[], data: unknown): string[] {
  const folded = new Map<number, DataChange[]>(); // a status change → the plain values that came with it
  const used = new Set<number>();
  changes.forEach((c, i) => {
    if (c.kind !== 'changed' || c.path[c.path.length - 1] !== 'status') return;
    const parent = c.path.slice(0, -1).join('\u0000');
    const withIt = changes.flatMap((x, j) =>
      j !== i && x.kind !== 'removed' && isScalar(x.after) && x.path.length === c.path.length && x.path.slice(0, -1).join('\u0000') === parent ? [j] : [],
    );
    withIt.forEach((j) => used.add(j));
    folded.set(
      i,
      withIt.map((j) => changes[j]!),
    );
  });
  return changes.flatMap((c, i) => {
    if (used.has(i)) return [];
    const also = folded.get(i);
    const line = sentence(c, data);
    return [also && also.length > 0 ? `${line} (${also.map((x) => `${field(x.path)} ${show(x.after)}`).join(', ')})` : line];
  });
}

function sentence(c: DataChange, data: unknown): string {
  const share = shareOf(c.path);
  if (share) return shareSentence(share, c);
  if (c.list === 'delegationen' && isPlainObject(c.after ?? c.before)) return delegationSentence(c, data);
  const at = where(c.path.slice(0, -1));
  const name = c.path.length === 0 ? '' : `${field(c.path)} `;
  if (c.list) return `${at}${c.path[c.path.length - 1]} ${c.kind === 'added' ? 'hinzugefügt' : 'entfernt'}${summary(c.after ?? c.before)}`;
  if (c.kind === 'added') return `${at}${name}hinzugefügt (${show(c.after)})`;
  if (c.kind === 'removed') return `${at}${name}entfernt (war ${show(c.before)})`;
  return `${at}${name}von ${show(c.before)} auf ${show(c.after)}`;
}

/** A fixed share of a cost key (verteilung › anteile › member). */
function shareOf(path: string[]): string | undefined {
  return path.length === 3 && path[0] === 'verteilung' && path[1] === 'anteile' ? path[2] : undefined;
}

function shareSentence(member: string, c: DataChange): string {
  if (c.kind === 'added') return `Anteil ${member} hinzugefügt (${percent(c.after)})`;
  if (c.kind === 'removed') return `Anteil ${member} entfernt (war ${percent(c.before)})`;
  return `Anteil ${member} ${percent(c.before)} → ${percent(c.after)}`;
}

/** "35/100" → "35 %"; a fraction a percentage cannot show exactly keeps the fraction: "1/3 (≈ 33,33 %)". */
function percent(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d+)\/(\d+)$/.exec(value) : null;
  if (!m) return show(value);
  const [n, d] = [Number(m[1]), Number(m[2])];
  const hundredths = (n * 10000) / d;
  const text = `${(hundredths / 100).toLocaleString('de-DE', { maximumFractionDigits: 2 })} %`;
  return Number.isInteger(hundredths) ? text : `${value} (≈ ${text})`;
}

function delegationSentence(c: DataChange, data: unknown): string {
  const d = (c.after ?? c.before) as Record<string, unknown>;
  const period = isPlainObject(d.gueltig) ? d.gueltig : {};
  const when = period.bis ? `vom ${String(period.von)} bis ${String(period.bis)}` : `ab ${String(period.von)}`;
  const what = c.kind === 'added' ? 'hinzugefügt' : 'entfernt';
  return `${where(c.path.slice(0, -1))}Delegation von ${person(d.von, data)} an ${person(d.an, data)} ${when} ${what}`;
}

/** A login as the person the member's file names with it: "Sabine Vorlage (av-birkenfelde)". */
function person(login: unknown, data: unknown): string {
  const text = String(login);
  if (!isPlainObject(data)) return text;
  const people = [data.hvb, data.vertretung, ...(Array.isArray(data.rollen) ? data.rollen : [])];
  const found = people.find((p) => isPlainObject(p) && p.github === text && typeof p.name === 'string') as { name: string } | undefined;
  return found ? `${found.name} (${text})` : text;
}

function summary(item: unknown): string {
  if (!isPlainObject(item)) return '';
  const period = isPlainObject(item.gueltig) ? item.gueltig : undefined;
  if (period) return ` (gültig vom ${String(period.von)}${period.bis ? ` bis ${String(period.bis)}` : ''})`;
  if (typeof item.status === 'string') return ` (${item.status})`;
  return '';
}

function field(path: string[]): string {
  const key = path[path.length - 1] ?? '';
  return FIELD_LABELS[key] ?? key;
}

function where(path: string[]): string {
  return path.length === 0 ? '' : `${path.map((p) => FIELD_LABELS[p] ?? p).join(' › ')}: `;
}

/** A value as the reader needs it: a word or date as written, a text in quotes, a structure summarised. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return 'leer';
  if (isPlainObject(value) && 'offen' in value) return 'offen';
  if (typeof value === 'string') {
    if (/^[\p{L}\p{N}._:/@+\-]{1,60}$/u.test(value)) return value;
    return `„${value.length > 60 ? `${value.slice(0, 57)}…` : value}“`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isPlainObject(value) && Object.keys(value).length <= 5 && Object.values(value).every(isScalar))
    return `(${Object.entries(value)
      .map(([k, v]) => `${k} ${show(v)}`)
      .join(', ')})`;
  if (Array.isArray(value))
    return value.length <= 5 && value.every((v) => typeof v !== 'object') ? `[${value.map(show).join(', ')}]` : `${value.length} Einträge`;
  return '…';
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
