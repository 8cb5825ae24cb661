import { approversOn } from '../model/approval';
import { compareIds, type CheckedModel, type Model } from '../model/model';
import { isOffen, type Amtsperson, type Gremium, type Mitglied, type OderOffen, type RollenArt } from '../model/types';
import { VOCABULARY_LISTS, Vocabulary, type VocabularyList } from '../model/vocabulary';

/**
 * The organisation as a reader needs it: members with their HVB and deputy, bodies with
 * composition and escalation chain, roles, and which goals each member's strategy covers.
 * Derived from the checked model only; every view (text, JSON, organigram) renders this.
 *
 * `verbund org --format json` prints this object as it is; its contract is
 * schemas/output/org.schema.json. Keys the tool defines (envelope, computed values) are
 * English camelCase; keys taken from the YAML keep the YAML's German names.
 */
export interface OrgView {
  /** The Verbund's name (verbund.yaml `name`). */
  name: string;
  /** The date the view is for (JJJJ-MM-TT): who may approve depends on it. */
  asOf: string;
  members: MemberView[];
  bodies: BodyView[];
  /** The body where every escalation ends (none if the data has no single top). */
  topBody?: string;
  /** Strategy coverage: the goal ids (columns) and one row per member. */
  strategies: { goals: string[]; members: CoverageRow[] };
  /** The Verbund's terms (vokabular) with the names the views print, by list. */
  terms: Record<VocabularyList, { id: string; name: string }[]>;
}

/** A decision rule with open values as null. Shares are exact fractions such as "2/3". */
export interface DecisionRuleView {
  art: 'einstimmig' | 'konsens' | 'mehrheit';
  mehrheit: string | null;
  quorum: string | null;
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
  delegationen: { von: string; an: string; umfang: string; gueltig: { von: string; bis: string | null } }[];
  digitalisierungskontakt: string | null;
  /** Logins that may approve for the member on the view's date: HVB and sound delegations. */
  approvers: string[];
  rollen:
    | {
        rolle: RollenArt;
        adresse: string | null;
        github: string | null;
        einheit: string | null;
        stundenProWoche: number | null;
        geteiltMit: readonly string[];
      }[]
    | null;
}

export interface BodyView {
  id: string;
  name: string;
  aufgabe: 'entscheiden' | 'planenUndUmsetzen' | 'vorbereiten' | null;
  /** The levels the body works on (one or several), or null when open. */
  ebene: readonly string[] | null;
  zusammensetzung: { mitglieder: 'alle' | readonly string[]; rolle: string | null; anzahl: number }[] | null;
  vorsitz: { mitglied: string; rolle: string } | null;
  sitzungsrhythmus: string | null;
  entscheidungsregel: DecisionRuleView | null;
  entscheidet: readonly string[] | null;
  bereitetVor: readonly string[] | null;
  vorlageAn: readonly string[];
  /**
   * Escalation from this body to the top, following the first target at each step. A chain of
   * more than ESCALATION_SHOWN + 1 bodies is shortened to its first ESCALATION_SHOWN and the top.
   */
  escalation: string[];
  /** How many bodies the full chain names, this one and the top included (escalation.length unless shortened). */
  escalationSteps: number;
}

export interface CoverageRow {
  mitglied: string;
  status: string | null;
  titel: string | null;
  datum: string | null;
  link: string | null;
  /** Goals the strategy implements; null while that is open. */
  ziele: readonly string[] | null;
}

/** Open values become null: the views say "offen" in their own words. */
function known<T>(value: OderOffen<T> | undefined): T | null {
  return value === undefined || isOffen(value) ? null : value;
}

function person(p: OderOffen<Amtsperson> | undefined): PersonView | null {
  if (!p || isOffen(p)) return null;
  return { amt: p.amt, name: known(p.name), github: known(p.github) };
}

function member(m: Mitglied, date: string, vocabulary: Vocabulary): MemberView {
  const rollen = known(m.rollen);
  return {
    id: m.id,
    name: m.name,
    art: m.bezeichnung ?? vocabulary.name('mitgliedsarten', m.art),
    hvb: person(m.hvb),
    vertretung: person(m.vertretung),
    delegationen: (m.delegationen ?? []).map((d) => ({ von: d.von, an: d.an, umfang: d.umfang, gueltig: { von: d.gueltig.von, bis: d.gueltig.bis ?? null } })),
    digitalisierungskontakt: known(m.digitalisierungskontakt),
    approvers: [...approversOn(m, date)].sort(),
    rollen:
      rollen?.map((r) => ({
        rolle: r.rolle,
        adresse: known(r.adresse),
        github: known(r.github),
        einheit: r.einheit ?? null,
        stundenProWoche: r.stundenProWoche ?? null,
        geteiltMit: r.geteiltMit ?? [],
      })) ?? null,
  };
}

/**
 * How many bodies a view's escalation chain names at most before it is shortened: the first
 * ESCALATION_SHOWN, then the top body. A long chain (thousands of bodies) would otherwise be
 * printed in full for every body: output and memory quadratic in the number of bodies.
 */
export const ESCALATION_SHOWN = 10;

/** A chain followed to its end: how many bodies it names (start and end included), and its last one. */
interface ChainEnd {
  steps: number;
  top: string;
}

/**
 * The escalation of every body, following the first target at each step: each chain's full
 * length and last body are computed once per body (linear in the number of bodies, no
 * recursion), and only the head of the chain is listed. A checked model has no circle; should
 * one occur anyway, every chain still ends, after going round the circle once.
 */
function escalations(model: Model): (start: Gremium) => { escalation: string[]; escalationSteps: number } {
  const ends = new Map<string, ChainEnd>();
  const next = (id: string): string | undefined => model.gremium(id)?.vorlageAn[0];
  /** The end of the chain from a body id (resolved through the model, like every step after the first). */
  const endFrom = (id: string): ChainEnd => {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current = id;
    let end: ChainEnd;
    for (;;) {
      const known = ends.get(current);
      if (known !== undefined) {
        end = known;
        break;
      }
      const seen = onPath.get(current);
      if (seen !== undefined) {
        // A circle: each body on it escalates once around, back to itself.
        for (let i = seen; i < path.length; i++) ends.set(path[i]!, { steps: path.length - seen + 1, top: path[i]! });
        path.length = seen;
        end = ends.get(current)!;
        break;
      }
      const target = next(current);
      if (target === undefined) {
        end = { steps: 1, top: current };
        ends.set(current, end);
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      current = target;
    }
    // Every body on the way escalates one step more than the next one.
    for (let i = path.length - 1; i >= 0; i--) {
      end = { steps: end.steps + 1, top: end.top };
      ends.set(path[i]!, end);
    }
    return end;
  };
  return (start) => {
    const first: string | undefined = start.vorlageAn[0];
    let end: ChainEnd;
    if (model.gremium(start.id) === start) end = endFrom(start.id);
    // A second body with the same id (an error the check reports) starts with its own first target.
    else if (first === undefined) end = { steps: 1, top: start.id };
    else {
      const rest = endFrom(first);
      end = { steps: rest.steps + 1, top: rest.top };
    }
    const shown = end.steps > ESCALATION_SHOWN + 1 ? ESCALATION_SHOWN : end.steps;
    const escalation = [start.id];
    for (let id: string | undefined = first; escalation.length < shown; id = next(id!)) escalation.push(id!);
    if (shown < end.steps) escalation.push(end.top);
    return { escalation, escalationSteps: end.steps };
  };
}

function body(g: Gremium, chain: { escalation: string[]; escalationSteps: number }): BodyView {
  const ebene = known(g.ebene);
  const regel = known(g.entscheidungsregel);
  return {
    id: g.id,
    name: g.name,
    aufgabe: known(g.aufgabe),
    ebene: typeof ebene === 'string' ? [ebene] : ebene,
    zusammensetzung: known(g.zusammensetzung)?.map((e) => ({ mitglieder: e.mitglieder, rolle: known(e.rolle), anzahl: e.anzahl ?? 1 })) ?? null,
    vorsitz: known(g.vorsitz),
    sitzungsrhythmus: known(g.sitzungsrhythmus),
    entscheidungsregel: regel && { art: regel.art, mehrheit: known(regel.mehrheit), quorum: known(regel.quorum) },
    entscheidet: known(g.entscheidet),
    bereitetVor: known(g.bereitetVor),
    vorlageAn: g.vorlageAn,
    ...chain,
  };
}

/** The organisation on `date` (JJJJ-MM-TT): who may approve depends on terms and delegations. */
export function buildOrgView(model: CheckedModel, date: string): OrgView {
  const vocabulary = Vocabulary.of(model);
  const escalation = escalations(model);
  const tops = model.gremien.filter((g) => g.vorlageAn.length === 0);
  const strategies = new Map(model.strategien.map((s) => [s.mitglied, s]));
  return {
    name: model.verbund?.name ?? 'Verbund',
    asOf: date,
    members: model.mitglieder.map((m) => member(m, date, vocabulary)),
    bodies: model.gremien.map((g) => body(g, escalation(g))).sort(compareBodies),
    ...(tops.length === 1 ? { topBody: tops[0]!.id } : {}),
    strategies: {
      goals: model.ziele.map((z) => z.id),
      members: model.mitglieder.map((m) => {
        const s = strategies.get(m.id);
        return { mitglied: m.id, status: known(s?.status), titel: s?.titel ?? null, datum: known(s?.datum), link: s?.link ?? null, ziele: s?.ziele ?? null };
      }),
    },
    terms: termsOf(vocabulary),
  };
}

/** Top body first, then down the escalation chain: the reading order of an organigram. */
export function compareBodies(a: BodyView, b: BodyView): number {
  return a.escalationSteps - b.escalationSteps || compareIds(a.id, b.id);
}

function termsOf(vocabulary: Vocabulary): OrgView['terms'] {
  return Object.fromEntries(VOCABULARY_LISTS.map((list) => [list, vocabulary.terms(list).map((t) => ({ id: t.id, name: t.name }))])) as OrgView['terms'];
}

/** The name of each term by list and id, for the renderers; an unknown id prints as itself. */
export type TermNames = Record<VocabularyList, ReadonlyMap<string, string>>;

export function termNames(view: OrgView): TermNames {
  return Object.fromEntries(VOCABULARY_LISTS.map((list) => [list, new Map(view.terms[list].map((t) => [t.id, t.name]))])) as unknown as TermNames;
}
