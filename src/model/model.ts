import { pointer, type Place } from '../findings/finding';
import type { DataPath, Location } from '../findings/finding';
import { KINDS, kindEntry } from '../schema/kinds';
import type {
  Ausnahme,
  Dimension,
  Gremium,
  Historie,
  KindData,
  Leitlinie,
  Massnahme,
  Mitglied,
  Pruefregeln,
  Freigaberegeln,
  Dienst,
  Sicherung,
  Kostenschluessel,
  Kostenposten,
  StackKonfiguration,
  Ressourcen,
  Strategie,
  Verbund,
  Ziel,
} from './types';
import { bekannt } from './types';

/** What the loader knows of a file: its path, and where any value in it stands. */
export interface Locator {
  readonly file: string;
  locate(path: DataPath, options?: { key?: boolean }): Location;
}

interface Origin {
  source: Locator;
  path: DataPath;
  /** kind:id of the item this one belongs to (itself, for a top-level item). */
  subject: string;
}

/** The kinds an item of the model can be looked up by id. */
export type LookupKind = 'dimension' | 'ziel' | 'mitglied' | 'gremium' | 'dienst' | 'kostenschluessel';

/** A schema-valid item of each kind, as the loader adds it; exceptions one entry at a time. */
export type KindItem = Omit<KindData, 'ausnahmen' | 'stack'> & { ausnahme: Ausnahme; stack: StackKonfiguration };
export type ItemKind = keyof KindItem;

const NONE: readonly never[] = [];

/**
 * The loaded governance data: schema-valid, read-only items, sorted by id, with lookups and
 * the source position of every item so that rules can point to file, line and column. Storage
 * is generic over the kinds of src/schema/kinds.ts; the getters below are conveniences. Only
 * the loader adds items (add, markUnloaded, sort); everything after it only reads.
 */
export class Model {
  private readonly store = new Map<ItemKind, unknown[]>();
  /** Subjects (kind:id) of items whose file exists but failed to load, and kinds whose folder could not be read. */
  private readonly unloadedSubjects = new Set<string>();
  private readonly unreadableKinds = new Set<string>();

  /** Every item of a kind, sorted by id. */
  all<K extends ItemKind>(kind: K): readonly KindItem[K][] {
    return (this.store.get(kind) ?? NONE) as readonly KindItem[K][];
  }

  /** The item of a kind that exists once (verbund, leitlinie, …). */
  one<K extends ItemKind>(kind: K): KindItem[K] | undefined {
    return this.all(kind)[0];
  }

  get verbund(): Verbund | undefined {
    return this.one('verbund');
  }
  get leitlinie(): Leitlinie | undefined {
    return this.one('leitlinie');
  }
  get historie(): Historie | undefined {
    return this.one('historie');
  }
  get ressourcen(): Ressourcen | undefined {
    return this.one('ressourcen');
  }
  get pruefregeln(): Pruefregeln | undefined {
    return this.one('pruefregeln');
  }
  get freigaberegeln(): Freigaberegeln | undefined {
    return this.one('freigaberegeln');
  }
  get dimensionen(): readonly Dimension[] {
    return this.all('dimension');
  }
  get ziele(): readonly Ziel[] {
    return this.all('ziel');
  }
  get mitglieder(): readonly Mitglied[] {
    return this.all('mitglied');
  }
  get gremien(): readonly Gremium[] {
    return this.all('gremium');
  }
  get strategien(): readonly Strategie[] {
    return this.all('strategie');
  }
  get dienste(): readonly Dienst[] {
    return this.all('dienst');
  }
  get sicherung(): Sicherung | undefined {
    return this.one('sicherung');
  }
  get kostenschluessel(): readonly Kostenschluessel[] {
    return this.all('kostenschluessel');
  }
  get kostenposten(): readonly Kostenposten[] {
    return this.all('kostenposten');
  }
  /** The Pulumi stack settings in stacks/, by stack name. */
  get stacks(): readonly StackKonfiguration[] {
    return this.all('stack');
  }
  stack(id: string): StackKonfiguration | undefined {
    return this.stacks.find((s) => s.id === id);
  }
  get ausnahmen(): readonly Ausnahme[] {
    return this.all('ausnahme');
  }

  /** Adds a loaded item (loader only). */
  add<K extends ItemKind>(kind: K, item: KindItem[K]): void {
    const list = this.store.get(kind);
    if (list) list.push(item);
    else this.store.set(kind, [item]);
    this.indexes.clear();
  }

  /** A file that failed to load still stands for its item: references to it are not dangling (loader only). */
  markUnloaded(kind: string, id?: string): void {
    if (id === undefined) this.unreadableKinds.add(kind);
    else this.unloadedSubjects.add(`${kind}:${id}`);
  }

  /** Whether the item named by a subject (kind:id) exists but failed to load. */
  isUnloaded(subject: string): boolean {
    return this.unloadedSubjects.has(subject) || this.unreadableKinds.has(subject.split(':')[0]!);
  }

  /** Whether some item of a kind failed to load (then checks across all of them cannot be complete). */
  hasUnloaded(kind: string): boolean {
    if (this.unreadableKinds.has(kind)) return true;
    for (const subject of this.unloadedSubjects) if (subject.startsWith(`${kind}:`)) return true;
    return false;
  }

  private readonly origins = new WeakMap<object, Origin>();
  private readonly indexes = new Map<LookupKind, Map<string, unknown>>();

  /** Records where an item stands: its file, the path inside that file, and its subject (kind:id). */
  register(item: object, source: Locator, path: DataPath = [], subject = `datei:${source.file}`): void {
    this.origins.set(item, { source, path, subject });
  }

  /** Location of an item, or of a value inside it given by `path`, with the subject and data path it names. */
  where(item: object, ...path: DataPath): Place {
    return this.place(item, path, false);
  }

  /** Location of the key (not the value) at `path` inside an item. */
  whereKey(item: object, ...path: DataPath): Place {
    return this.place(item, path, true);
  }

  private place(item: object, path: DataPath, key: boolean): Place {
    const origin = this.origins.get(item);
    if (!origin) throw new Error('Model.where: item was not registered by the loader');
    const { file, line, column } = origin.source.locate(origin.path.length === 0 ? path : [...origin.path, ...path], { key });
    return { file, line, column, subject: origin.subject, path: pointer(path) };
  }

  /** The file an item was loaded from. */
  fileOf(item: object): string {
    return this.origins.get(item)!.source.file;
  }

  /** The item of a kind with this id (the first, if a duplicate id is reported). */
  byId<K extends LookupKind>(kind: K, id: string): KindItem[K] | undefined {
    return this.index(kind).get(id) as KindItem[K] | undefined;
  }

  dimension(id: string): Dimension | undefined {
    return this.byId('dimension', id);
  }

  ziel(id: string): Ziel | undefined {
    return this.byId('ziel', id);
  }

  mitglied(id: string): Mitglied | undefined {
    return this.byId('mitglied', id);
  }

  gremium(id: string): Gremium | undefined {
    return this.byId('gremium', id);
  }

  dienst(id: string): Dienst | undefined {
    return this.byId('dienst', id);
  }

  /** Whether an item exists, loaded or not (a broken file still declares its id). */
  exists(kind: LookupKind, id: string): boolean {
    return this.index(kind).has(id) || this.isUnloaded(`${kind}:${id}`);
  }

  /** Every item of the data kinds (not the settings: exceptions and rule severities), in registry order. */
  items(): readonly object[] {
    return KINDS.filter((kind) => kind !== 'ausnahmen' && kind !== 'pruefregeln' && kind !== 'freigaberegeln').flatMap(
      (kind) => this.all(kind as ItemKind) as readonly object[],
    );
  }

  /** Every measure with its goal and its path inside the goal's file, in goal order. */
  massnahmen(): { ziel: Ziel; massnahme: Massnahme; path: DataPath }[] {
    return this.ziele.flatMap((ziel) => (bekannt(ziel.massnahmen) ?? []).map((massnahme, i) => ({ ziel, massnahme, path: ['massnahmen', i] })));
  }

  /** Sorts every collection by its subject (kind:id) so that all output is deterministic (loader only). */
  sort(): void {
    for (const kind of KINDS) {
      const list = this.store.get(kind as ItemKind);
      if (!list || list.length < 2) continue;
      const subject = kindEntry(kind).subject as (item: Record<string, unknown>) => string;
      list.sort((a, b) => compareIds(subject(a as Record<string, unknown>), subject(b as Record<string, unknown>)));
    }
    this.indexes.clear();
  }

  private index(kind: LookupKind): Map<string, unknown> {
    let index = this.indexes.get(kind);
    if (!index) {
      // First occurrence wins; duplicates are reported by the ids-eindeutig rule.
      index = new Map();
      for (const item of this.all(kind)) if (!index.has(item.id)) index.set(item.id, item);
      this.indexes.set(kind, index);
    }
    return index;
  }
}

declare const checkedBrand: unique symbol;

/**
 * A model that passed the check without errors: the only kind a consumer (org, plan, costs,
 * approvals, audit) may use. Only the pipeline's gate (loadChecked) hands one out; the brand
 * exists at compile time only, so a plain Model cannot be passed by mistake.
 */
export type CheckedModel = Model & { readonly [checkedBrand]: true };

/**
 * Orders ids like "2.10" after "2.9": runs of digits compare as numbers, the rest as text.
 * (Intl.Collator would do this too, but loading its locale data costs 20 ms at every start.)
 */
export function compareIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const diff = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (diff !== 0) return diff;
  }
  return pa.length - pb.length;
}
