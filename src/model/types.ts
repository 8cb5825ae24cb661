/**
 * The governance data as typed values. The JSON Schemas in governance/schemas/ are the
 * source of truth; these types mirror them, and the loader admits only schema-valid data.
 */

/** A value the sources do not contain, with the reason. Never invent it. */
export interface Offen {
  offen: string;
}

export function isOffen(value: unknown): value is Offen {
  return typeof value === 'object' && value !== null && 'offen' in value;
}

export type OderOffen<T> = T | Offen;

export interface Verbund {
  id: string;
  name: string;
  beschreibung?: string;
}

export interface Perspektive {
  id: string;
  name: string;
}

export interface Leitlinie {
  titel: string;
  herausgeber: string;
  version: string;
  praeambel: string[];
  vision: { jahr: number; einleitung: string; leitsatz: string; anspruch: string[] };
  agilitaet: string[];
  ablauf: string[];
  wirkung: { text: string[]; skala: { min: number; max: number; beschreibung: string }; perspektiven: Perspektive[] };
  verbundziele: { einleitung: string[] };
  zieldarstellung: { fokus: string; prioritaet: string; aufwand: string };
  zielsteckbriefe: { text: string[]; felder: { name: string; bedeutung: string }[] };
  ressourcen: string[];
  organisation: string[];
  kommunaleStrategien: string[];
  abbildungen: { nummer: number; titel: string; seite: number; abschnitt: string }[];
}

export interface Version {
  version: string;
  datum: string;
  status: 'entwurf' | 'abgestimmt' | 'beschlossen' | 'aufgehoben';
  beschlossenVon?: string;
  vermerk?: string;
}

export interface Historie {
  versionen: Version[];
}

export interface Dimension {
  id: string;
  name: string;
  beschreibung: string;
}

export type MeilensteinStatus = 'offen' | 'inArbeit' | 'erreicht' | 'verworfen';

export interface Meilenstein {
  id: string;
  text: string;
  status: MeilensteinStatus;
  erreichtAm?: OderOffen<string>;
  nachweis?: string;
}

export type Aufgabe = string | { keineAngabe: true };

export type Modus = 'gemeinsam' | 'kleingruppe' | 'einerFuerAlle' | 'jederFuerSich';

/** A body or a member: who is accountable for or carries out a measure. */
export interface Traeger {
  gremium?: string;
  mitglied?: string;
}

export interface Massnahme {
  id: string;
  titel: string;
  modus: Modus;
  durch?: string;
  start: OderOffen<string>;
  verantwortlich?: Traeger;
  ausfuehrend?: Traeger & { einheit?: string };
}

export interface Ziel {
  id: string;
  dimension: string;
  titel: string;
  aussage: string;
  sinnUndZweck: string[];
  meilensteine: Meilenstein[];
  aufgabenteilung: { gemeinsam: Aufgabe; einerFuerAlle: Aufgabe; jederFuerSich: Aufgabe };
  risiken: string[];
  mehrwerte: string[];
  fokus: Record<string, number>;
  anpassung: OderOffen<string>;
  prioritaet: OderOffen<string>;
  aufwand: OderOffen<string>;
  massnahmen: OderOffen<Massnahme[]>;
}

export interface Einwohner {
  wert: number;
  genauigkeit: 'amtlich' | 'ungefaehr' | 'mindestens' | 'hoechstens';
  angabe?: string;
  stand: OderOffen<string>;
  quelle: string;
}

export interface Zeitraum {
  von: string;
  bis?: string;
}

/** A head of administration or the general deputy. */
export interface Amtsperson {
  amt: string;
  name: OderOffen<string>;
  github: OderOffen<string>;
  gueltig?: Zeitraum;
}

export interface Delegation {
  von: string;
  an: string;
  umfang: string;
  gueltig: Required<Zeitraum>;
  grundlage?: string;
}

export interface Einheit {
  id: string;
  name: string;
  art: 'fachdienst' | 'stabsstelle';
}

export type RollenArt =
  | 'hvb'
  | 'vertretung'
  | 'cdo'
  | 'digitalisierungsbeauftragte'
  | 'digitallotse'
  | 'informationssicherheitsbeauftragte'
  | 'datenschutzbeauftragte'
  | 'ozgKoordination';

export interface Rolle {
  rolle: RollenArt;
  adresse: OderOffen<string>;
  github?: OderOffen<string>;
  einheit?: string;
  stundenProWoche?: number;
  geteiltMit?: string[];
  vertretung?: OderOffen<{ adresse: string; github?: string }>;
}

export interface Mitglied {
  id: string;
  name: string;
  art: 'Landkreis' | 'Stadt' | 'Gemeinde' | 'Samtgemeinde';
  bezeichnung?: string;
  kreisschluessel?: string;
  sitz?: string;
  mitgliedsgemeinden?: string[];
  einwohner: OderOffen<Einwohner>;
  hvb: Amtsperson;
  vertretung: OderOffen<Amtsperson>;
  delegationen?: Delegation[];
  digitalisierungskontakt?: OderOffen<string>;
  einheiten?: OderOffen<Einheit[]>;
  rollen?: OderOffen<Rolle[]>;
}

export interface Entsendung {
  mitglieder: 'alle' | string[];
  rolle: OderOffen<RollenArt>;
  anzahl?: number;
}

export interface Entscheidungsregel {
  art: 'einstimmig' | 'konsens' | 'mehrheit';
  mehrheit?: 'einfach' | 'absolut' | 'zweiDrittel';
  quorum?: number;
}

export interface Gremium {
  id: string;
  name: string;
  aufgabe: OderOffen<'entscheiden' | 'planenUndUmsetzen' | 'vorbereiten'>;
  beschreibung?: string;
  zusammensetzung: OderOffen<Entsendung[]>;
  vorsitz?: OderOffen<{ mitglied: string; rolle: RollenArt }>;
  /** Escalation: the bodies this one submits proposals to; empty only at the top. */
  vorlageAn: string[];
  ebene?: OderOffen<'politisch' | 'strategisch' | 'koordinierend' | 'operativ' | 'beratend'>;
  sitzungsrhythmus?: OderOffen<string>;
  entscheidungsregel?: OderOffen<Entscheidungsregel>;
  entscheidet?: OderOffen<string[]>;
  bereitetVor?: OderOffen<string[]>;
  quelle?: string;
}

export interface Strategie {
  mitglied: string;
  status: OderOffen<'geplant' | 'inArbeit' | 'beschlossen'>;
  titel?: string;
  datum?: OderOffen<string>;
  link?: string;
  ziele?: string[];
}

export interface Spanne {
  min: OderOffen<number>;
  max: OderOffen<number>;
}

export interface Ressourcen {
  stellenbedarf: { einheit: 'VZA'; bereiche?: string[]; dauerhaftJeMitglied: Spanne; einmaligVerbund: Spanne };
  itAufwand: OderOffen<{ minEuro: number; maxEuro: number }>;
}

export interface Ausnahme {
  regel: string;
  gegenstand: string;
  befund: string;
  begruendung: string;
  entschiedenVon: string;
  entschiedenAm: string;
  fundstelle?: string;
}

export interface Ausnahmen {
  ausnahmen: Ausnahme[];
}

export type Schweregrad = 'fehler' | 'warnung' | 'aus';

export interface Pruefregeln {
  schweregrade: Record<string, Schweregrad>;
}

/** The data type of each kind of file. */
export interface KindData {
  verbund: Verbund;
  leitlinie: Leitlinie;
  historie: Historie;
  dimension: Dimension;
  ziel: Ziel;
  mitglied: Mitglied;
  gremium: Gremium;
  strategie: Strategie;
  ressourcen: Ressourcen;
  ausnahmen: Ausnahmen;
  pruefregeln: Pruefregeln;
}
