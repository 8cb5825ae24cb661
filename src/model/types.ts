/**
 * The governance data as typed values. The JSON Schemas in schemas/governance/ are the
 * source of truth: ./schema-types.generated.ts is generated from them (`npm run types`, a
 * test fails on drift), and every type here derives from it, deeply read-only, because the
 * model is never changed after loading. The loader admits only schema-valid data.
 */
import type * as Schema from './schema-types.generated';

/** `T` with every property, array and nested value read-only. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A value the sources do not contain, with the reason. Never invent it. */
export type Offen = DeepReadonly<Schema.Offen>;

export function isOffen(value: unknown): value is Offen {
  return typeof value === 'object' && value !== null && 'offen' in value;
}

export type OderOffen<T> = T | Offen;

/**
 * The known value of a value-or-open, or undefined if it is open or absent. Prefer it (or
 * isOffen) to Array.isArray, which cannot narrow a read-only array and yields `any`.
 */
export function bekannt<T>(value: OderOffen<T> | undefined): T | undefined {
  return value === undefined || isOffen(value) ? undefined : value;
}

/** The known value of a value-or-open type. */
type Bekannt<T> = Exclude<T, Offen>;

/** The data type of each kind of file. */
export type KindData = DeepReadonly<Schema.SchemaKinds>;

export type Verbund = KindData['verbund'];

export type Leitlinie = KindData['leitlinie'];

export type Historie = KindData['historie'];
export type Version = Historie['versionen'][number];

export type Dimension = KindData['dimension'];

export type Ziel = KindData['ziel'];
export type Meilenstein = DeepReadonly<Schema.Meilenstein>;
export type MeilensteinStatus = Meilenstein['status'];
export type Aufgabe = DeepReadonly<Schema.Aufgabe>;
export type Massnahme = DeepReadonly<Schema.Massnahme>;
export type Modus = Massnahme['modus'];
/** A body or a member: who is accountable for a measure. */
export type Traeger = NonNullable<Massnahme['verantwortlich']>;

export type Mitglied = KindData['mitglied'];
export type Einwohner = Bekannt<Mitglied['einwohner']>;
export type Zeitraum = DeepReadonly<Schema.Zeitraum>;
/** A head of administration or the general deputy. */
export type Amtsperson = NonNullable<Mitglied['hvb']>;
export type Delegation = NonNullable<Mitglied['delegationen']>[number];
export type Einheit = Bekannt<NonNullable<Mitglied['einheiten']>>[number];
export type RollenArt = Rolle['rolle'];
export type Rolle = Bekannt<NonNullable<Mitglied['rollen']>>[number];

export type Gremium = KindData['gremium'];
export type Entsendung = Bekannt<Gremium['zusammensetzung']>[number];
export type Entscheidungsregel = Bekannt<NonNullable<Gremium['entscheidungsregel']>>;

export type Strategie = KindData['strategie'];

export type Ressourcen = KindData['ressourcen'];
export type Spanne = DeepReadonly<Schema.Spanne>;

export type Ausnahmen = KindData['ausnahmen'];
export type Ausnahme = Ausnahmen['ausnahmen'][number];

export type Pruefregeln = KindData['pruefregeln'];
export type Schweregrad = NonNullable<Pruefregeln['schweregrade']>[string];

export type Freigaberegeln = KindData['freigaberegeln'];
export type Freigaberegel = Freigaberegeln['regeln'][number];
export type Anforderung = Freigaberegel['anforderungen'][number];

export type Dienst = KindData['dienst'];
export type Sicherung = KindData['sicherung'];
export type Kostenschluessel = KindData['kostenschluessel'];
/** A decided key's distribution (an undecided key has its distribution open). */
export type Verteilung = Bekannt<Kostenschluessel['verteilung']>;
export type Rechtsgrundlage = Bekannt<Kostenschluessel['rechtsgrundlage']>;
export type Kostenposten = KindData['kostenposten'];
/** A stack's settings as Pulumi writes them, with the stack's name (from Pulumi.<stack>.yaml) as id. */
export type StackKonfiguration = KindData['stack'] & { readonly id: string };
export type StackEinstellungen = StackKonfiguration['config'];
