import { pointer, type Place } from '../findings/finding';
import type { DataPath, Location } from '../findings/finding';
import type { Ausnahme, Dimension, Gremium, Historie, Leitlinie, Massnahme, Mitglied, Pruefregeln, Ressourcen, Strategie, Verbund, Ziel } from './types';
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
export type LookupKind = 'dimension' | 'ziel' | 'mitglied' | 'gremium';

/** A schema-valid item of one kind, as the loader adds it. */
export interface KindItem {
  verbund: Verbund;
  leitlinie: Leitlinie;
  historie: Historie;
  ressourcen: Ressourcen;
  pruefregeln: Pruefregeln;
  dimension: Dimension;
  ziel: Ziel;
  mitglied: Mitglied;
  gremium: Gremium;
  strategie: Strategie;
  ausnahme: Ausnahme;
}

/**
 * The loaded governance data: schema-valid, read-only items, sorted by id, with lookups and
 * the source position of every item so that rules can point to file, line and column. Only
 * the loader adds items (add, markUnloaded, sort); everything after it only reads.
 */
export class Model {
  private readonly singles: { verbund?: Verbund; leitlinie?: Leitlinie; historie?: Historie; ressourcen?: Ressourcen; pruefregeln?: Pruefregeln } = {};
  private readonly lists = {
    dimension: [] as Dimension[],
    ziel: [] as Ziel[],
    mitglied: [] as Mitglied[],
    gremium: [] as Gremium[],
    strategie: [] as Strategie[],
    ausnahme: [] as Ausnahme[],
  };
  /** Subjects (kind:id) of items whose file exists but failed to load, and kinds whose folder could not be read. */
  private readonly unloadedSubjects = new Set<string>();
  private readonly unreadableKinds = new Set<string>();

  get verbund(): Verbund | undefined {
    return this.singles.verbund;
  }
  get leitlinie(): Leitlinie | undefined {
    return this.singles.leitlinie;
  }
  get historie(): Historie | undefined {
    return this.singles.historie;
  }
  get ressourcen(): Ressourcen | undefined {
    return this.singles.ressourcen;
  }
  get pruefregeln(): Pruefregeln | undefined {
    return this.singles.pruefregeln;
  }
  get dimensionen(): readonly Dimension[] {
    return this.lists.dimension;
  }
  get ziele(): readonly Ziel[] {
    return this.lists.ziel;
  }
  get mitglieder(): readonly Mitglied[] {
    return this.lists.mitglied;
  }
  get gremien(): readonly Gremium[] {
    return this.lists.gremium;
  }
  get strategien(): readonly Strategie[] {
    return this.lists.strategie;
  }
  get ausnahmen(): readonly Ausnahme[] {
    return this.lists.ausnahme;
  }

  /** Adds a loaded item (loader only). */
  add<K extends keyof KindItem>(kind: K, item: KindItem[K]): void {
    if (kind in this.lists) (this.lists[kind as keyof Model['lists']] as KindItem[K][]).push(item);
    else (this.singles as Record<string, unknown>)[kind] = item;
    this.indexes = undefined;
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
  private indexes?: {
    dimension: Map<string, Dimension>;
    ziel: Map<string, Ziel>;
    mitglied: Map<string, Mitglied>;
    gremium: Map<string, Gremium>;
  };

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
    const full = [...origin.path, ...path];
    return { ...origin.source.locate(full, { key }), subject: origin.subject, path: pointer(path) };
  }

  /** kind:id of a registered item. */
  subjectOf(item: object): string {
    return this.origins.get(item)?.subject ?? '';
  }

  /** The file an item was loaded from. */
  fileOf(item: object): string {
    return this.origins.get(item)!.source.file;
  }

  dimension(id: string): Dimension | undefined {
    return this.index().dimension.get(id);
  }

  ziel(id: string): Ziel | undefined {
    return this.index().ziel.get(id);
  }

  mitglied(id: string): Mitglied | undefined {
    return this.index().mitglied.get(id);
  }

  gremium(id: string): Gremium | undefined {
    return this.index().gremium.get(id);
  }

  /** Whether an item exists, loaded or not (a broken file still declares its id). */
  exists(kind: LookupKind, id: string): boolean {
    return this.index()[kind].has(id) || this.isUnloaded(`${kind}:${id}`);
  }

  /** The bodies a member sends someone to: every body whose composition names it or all members. */
  gremienMit(mitgliedId: string): Gremium[] {
    return this.gremien.filter((g) => (bekannt(g.zusammensetzung) ?? []).some((e) => e.mitglieder === 'alle' || e.mitglieder.includes(mitgliedId)));
  }

  /** Every top-level item with its subject (kind:id), in a stable order. */
  items(): { subject: string; item: object }[] {
    const single = (subject: string, item: object | undefined) => (item ? [{ subject, item }] : []);
    return [
      ...single(`verbund:${this.verbund?.id}`, this.verbund),
      ...single('leitlinie', this.leitlinie),
      ...single('historie', this.historie),
      ...single('ressourcen', this.ressourcen),
      ...this.dimensionen.map((item) => ({ subject: `dimension:${item.id}`, item })),
      ...this.ziele.map((item) => ({ subject: `ziel:${item.id}`, item })),
      ...this.mitglieder.map((item) => ({ subject: `mitglied:${item.id}`, item })),
      ...this.gremien.map((item) => ({ subject: `gremium:${item.id}`, item })),
      ...this.strategien.map((item) => ({ subject: `strategie:${item.mitglied}`, item })),
    ];
  }

  /** Every measure with its goal and its path inside the goal's file, in goal order. */
  massnahmen(): { ziel: Ziel; massnahme: Massnahme; path: DataPath }[] {
    return this.ziele.flatMap((ziel) => (bekannt(ziel.massnahmen) ?? []).map((massnahme, i) => ({ ziel, massnahme, path: ['massnahmen', i] })));
  }

  /** Sorts every collection so that all output is deterministic. */
  sort(): void {
    const byId = (a: { id: string }, b: { id: string }) => compareIds(a.id, b.id);
    this.lists.dimension.sort(byId);
    this.lists.ziel.sort(byId);
    this.lists.mitglied.sort(byId);
    this.lists.gremium.sort(byId);
    this.lists.strategie.sort((a, b) => compareIds(a.mitglied, b.mitglied));
    this.indexes = undefined;
  }

  private index() {
    // First occurrence wins; duplicates are reported by the ids-eindeutig rule.
    const map = <T extends { id: string }>(items: readonly T[]) => {
      const result = new Map<string, T>();
      for (const item of items) if (!result.has(item.id)) result.set(item.id, item);
      return result;
    };
    this.indexes ??= {
      dimension: map(this.dimensionen),
      ziel: map(this.ziele),
      mitglied: map(this.mitglieder),
      gremium: map(this.gremien),
    };
    return this.indexes;
  }
}

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
