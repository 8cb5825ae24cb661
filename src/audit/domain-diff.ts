import { COLLECTION_FOLDERS, POLICY_FILES, SINGLE_FILES, TOOL_FOLDERS, type Kind } from '../schema/kinds';
import { isPlainObject, phrase, type DataChange } from './domain-phrases';

/**
 * What changed in a governance file, at the level of the data, in German: by ids, what was
 * added, removed or changed ("Ziel 2.1: Meilenstein 2.1-M3: Status von inArbeit auf erreicht
 * (erreichtAm 2026-04-30)"), never by lines. Lists of items are matched by their identity (id,
 * version, role, a delegation's from → to and start), so a reordered list is no change.
 */
export function describeChange(file: string, before: unknown, after: unknown): string[] {
  const kind = kindOfPath(file);
  const subject = subjectOf(kind, after ?? before);
  if (before === undefined) return [`${subject} angelegt.`];
  if (after === undefined) return [`${subject} entfernt.`];
  const changes: DataChange[] = [];
  compare(before, after, [], (change) => changes.push(change));
  return phrase(changes, after).map((line) => `${subject}: ${line}`);
}

const KIND_LABELS: Partial<Record<Kind, string>> = {
  verbund: 'Verbund',
  leitlinie: 'Leitlinie',
  historie: 'Dokumenthistorie',
  dimension: 'Dimension',
  ziel: 'Ziel',
  mitglied: 'Mitglied',
  gremium: 'Gremium',
  dienst: 'Dienst',
  strategie: 'Strategie',
  ressourcen: 'Ressourcen',
  ausnahmen: 'Ausnahmen',
  sicherung: 'Sicherungsvereinbarung',
  kostenschluessel: 'Kostenschlüssel',
  kostenposten: 'Kostenposten',
  stack: 'Stack',
  pruefregeln: 'Prüfregeln',
  freigaberegeln: 'Freigaberegeln',
};

/** Names of list items, by the key of the list. */
const ITEM_LABELS: Record<string, string> = {
  meilensteine: 'Meilenstein',
  delegationen: 'Delegation',
  einheiten: 'Einheit',
  rollen: 'Rolle',
  versionen: 'Fassung',
  stufen: 'Stufe',
  regeln: 'Regel',
  anforderungen: 'Anforderung',
  massnahmen: 'Maßnahme',
  mitglieder: 'Mitglied',
  eintraege: 'Eintrag',
};

export function kindOfPath(file: string): Kind | undefined {
  if (file.startsWith('governance/')) {
    const rest = file.slice('governance/'.length);
    if (SINGLE_FILES[rest]) return SINGLE_FILES[rest].kind;
    const folder = rest.split('/')[0]!;
    return COLLECTION_FOLDERS[folder];
  }
  if (file.startsWith('policies/')) return POLICY_FILES[file.slice('policies/'.length)]?.kind;
  const folder = Object.entries(TOOL_FOLDERS).find(([dir, { files }]) => file.startsWith(`${dir}/`) && files.test(file.slice(dir.length + 1)));
  return folder?.[1].kind;
}

function subjectOf(kind: Kind | undefined, data: unknown): string {
  const label = kind ? (KIND_LABELS[kind] ?? kind) : 'Datei';
  const id = (data as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? `${label} ${id}` : label;
}

type Emit = (change: DataChange) => void;

function compare(before: unknown, after: unknown, path: string[], emit: Emit): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    if (isOpen(before) !== isOpen(after)) {
      emit({ path, kind: 'changed', before, after });
      return;
    }
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!(key in before)) emit({ path: [...path, key], kind: 'added', after: after[key] });
      else if (!(key in after)) emit({ path: [...path, key], kind: 'removed', before: before[key] });
      else compare(before[key], after[key], [...path, key], emit);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    compareLists(before, after, path, emit);
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) emit({ path, kind: 'changed', before, after });
}

function compareLists(before: unknown[], after: unknown[], path: string[], emit: Emit): void {
  const key = path[path.length - 1] ?? '';
  const label = ITEM_LABELS[key];
  const identities = (list: unknown[]) => new Map(list.map((item, i) => [identity(item, i), item]));
  const old = identities(before);
  const now = identities(after);
  const name = (id: string) => (label ? `${label} ${id}` : id);
  const parent = path.slice(0, -1);
  for (const [id, item] of now) {
    if (!old.has(id)) emit({ path: [...parent, name(id)], kind: 'added', after: item, list: key });
    else compare(old.get(id), item, [...parent, name(id)], emit);
  }
  for (const [id, item] of old) if (!now.has(id)) emit({ path: [...parent, name(id)], kind: 'removed', before: item, list: key });
}

/** What identifies a list item across versions; a scalar identifies itself. */
function identity(item: unknown, index: number): string {
  if (!isPlainObject(item)) return typeof item === 'string' ? item : JSON.stringify(item);
  for (const key of ['id', 'version', 'rolle', 'mitglied']) if (typeof item[key] === 'string') return String(item[key]);
  if (typeof item.von === 'string' && typeof item.an === 'string') {
    const start = isPlainObject(item.gueltig) && typeof item.gueltig.von === 'string' ? ` ab ${item.gueltig.von}` : '';
    return `${item.von} → ${item.an}${start}`;
  }
  return String(index + 1);
}

function isOpen(value: unknown): boolean {
  return isPlainObject(value) && 'offen' in value;
}
