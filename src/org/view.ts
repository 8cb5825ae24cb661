import { approversOn } from '../model/approval';
import { compareIds, type Model } from '../model/model';
import { isOffen, type Amtsperson, type Entscheidungsregel, type Gremium, type Mitglied, type OderOffen, type RollenArt } from '../model/types';

/**
 * The organisation as a reader needs it: members with their HVB and deputy, bodies with
 * composition and escalation chain, roles, and which goals each member's strategy covers.
 * Derived from the checked model only; every view (text, JSON, organigram) renders this.
 */
export interface OrgView {
  verbund: string;
  stichtag: string;
  mitglieder: MemberView[];
  gremien: BodyView[];
  /** The body where every escalation ends (none if the data has no single top). */
  oberstesGremium?: string;
  strategien: { ziele: string[]; mitglieder: CoverageRow[] };
}

export interface PersonView {
  amt: string;
  name: string | null;
  github: string | null;
}

export interface MemberView {
  id: string;
  name: string;
  art: string;
  hvb: PersonView | null;
  vertretung: PersonView | null;
  delegationen: { von: string; an: string; umfang: string; gueltigVon: string; gueltigBis: string | null }[];
  digitalisierungskontakt: string | null;
  /** Logins that may approve for the member on the view's date: HVB and sound delegations. */
  freigabeberechtigt: string[];
  rollen: { rolle: RollenArt; adresse: string | null; github: string | null; einheit: string | null; stundenProWoche: number | null; geteiltMit: string[] }[] | null;
}

export interface BodyView {
  id: string;
  name: string;
  aufgabe: 'entscheiden' | 'planenUndUmsetzen' | 'vorbereiten' | null;
  ebene: string | null;
  zusammensetzung: { mitglieder: 'alle' | string[]; rolle: string | null; anzahl: number }[] | null;
  vorsitz: { mitglied: string; rolle: string } | null;
  sitzungsrhythmus: string | null;
  entscheidungsregel: Entscheidungsregel | null;
  entscheidet: string[] | null;
  bereitetVor: string[] | null;
  vorlageAn: string[];
  /** Escalation from this body to the top, following the first target at each step. */
  eskalation: string[];
}

export interface CoverageRow {
  mitglied: string;
  status: string | null;
  titel: string | null;
  datum: string | null;
  link: string | null;
  /** Goals the strategy implements; null while that is open. */
  ziele: string[] | null;
}

/** Open values become null: the views say "offen" in their own words. */
function known<T>(value: OderOffen<T> | undefined): T | null {
  return value === undefined || isOffen(value) ? null : value;
}

function person(p: OderOffen<Amtsperson> | undefined): PersonView | null {
  if (!p || isOffen(p)) return null;
  return { amt: p.amt, name: known(p.name), github: known(p.github) };
}

function member(m: Mitglied, date: string): MemberView {
  const rollen = known(m.rollen);
  return {
    id: m.id,
    name: m.name,
    art: m.bezeichnung ?? m.art,
    hvb: person(m.hvb),
    vertretung: person(m.vertretung),
    delegationen: (m.delegationen ?? []).map((d) => ({ von: d.von, an: d.an, umfang: d.umfang, gueltigVon: d.gueltig.von, gueltigBis: d.gueltig.bis ?? null })),
    digitalisierungskontakt: known(m.digitalisierungskontakt),
    freigabeberechtigt: [...approversOn(m, date)].sort(),
    rollen: rollen?.map((r) => ({
      rolle: r.rolle,
      adresse: known(r.adresse),
      github: known(r.github),
      einheit: r.einheit ?? null,
      stundenProWoche: r.stundenProWoche ?? null,
      geteiltMit: r.geteiltMit ?? [],
    })) ?? null,
  };
}

function escalation(model: Model, start: Gremium): string[] {
  const chain = [start.id];
  let current: Gremium | undefined = start;
  while (current && current.vorlageAn.length > 0 && chain.length <= model.gremien.length) {
    const next: string = current.vorlageAn[0]!;
    chain.push(next);
    current = model.gremium(next);
  }
  return chain;
}

function body(model: Model, g: Gremium): BodyView {
  return {
    id: g.id,
    name: g.name,
    aufgabe: known(g.aufgabe),
    ebene: known(g.ebene),
    zusammensetzung: known(g.zusammensetzung)?.map((e) => ({ mitglieder: e.mitglieder, rolle: known(e.rolle), anzahl: e.anzahl ?? 1 })) ?? null,
    vorsitz: known(g.vorsitz),
    sitzungsrhythmus: known(g.sitzungsrhythmus),
    entscheidungsregel: known(g.entscheidungsregel),
    entscheidet: known(g.entscheidet),
    bereitetVor: known(g.bereitetVor),
    vorlageAn: g.vorlageAn,
    eskalation: escalation(model, g),
  };
}

/** The organisation on `date` (JJJJ-MM-TT): who may approve depends on terms and delegations. */
export function buildOrgView(model: Model, date: string): OrgView {
  const tops = model.gremien.filter((g) => g.vorlageAn.length === 0);
  const strategies = new Map(model.strategien.map((s) => [s.mitglied, s]));
  return {
    verbund: model.verbund?.name ?? 'Verbund',
    stichtag: date,
    mitglieder: model.mitglieder.map((m) => member(m, date)),
    // Top body first, then down the escalation chain: the reading order of an organigram.
    gremien: model.gremien.map((g) => body(model, g)).sort((a, b) => a.eskalation.length - b.eskalation.length || compareIds(a.id, b.id)),
    ...(tops.length === 1 ? { oberstesGremium: tops[0]!.id } : {}),
    strategien: {
      ziele: model.ziele.map((z) => z.id),
      mitglieder: model.mitglieder.map((m) => {
        const s = strategies.get(m.id);
        return { mitglied: m.id, status: known(s?.status), titel: s?.titel ?? null, datum: known(s?.datum), link: s?.link ?? null, ziele: s?.ziele ?? null };
      }),
    },
  };
}
