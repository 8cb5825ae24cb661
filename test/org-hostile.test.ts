// Hostile input for the organisation views (verbund org): long delegation and escalation
// chains stay linear in time, memory and output; the organigram refuses what Graphviz cannot
// lay out in time; control and invisible characters never reach the output raw.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadGovernance } from '../src/load/load';
import type { CheckedModel } from '../src/model/model';
import { organigramSvg, OrganigramTooLarge, ORGANIGRAM_LIMITS } from '../src/org/svg';
import { formatOrgText } from '../src/org/text';
import { buildOrgView, type BodyView, type MemberView, type OrgView } from '../src/org/view';
import { loadChecked } from '../src/pipeline';
import { compileValidators } from '../src/schema/compile';
import { BASE } from './fixture-cases';
import { memorySourceOf } from './support/memory-source';

const REPO = path.join(__dirname, '..');
const validators = compileValidators(path.join(REPO, 'schemas', 'governance'));
const TODAY = '2026-11-21';
const HEADER = (kind: string) => `# yaml-language-server: $schema=../../schemas/governance/${kind}.schema.json\napiVersion: verbund/v1\n`;

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validateOrg = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'output', 'org.schema.json'), 'utf8')) as object);

/** The organisation of the base fixture with some files replaced, through the gate every consumer uses. */
function checkedView(overrides: Record<string, string>): OrgView {
  const gate = loadChecked(memorySourceOf(BASE, overrides), { validators, today: TODAY });
  if (!gate.ok) throw new Error(`should pass the check:\n${gate.result.findings.map((f) => `${f.rule} ${f.file} ${f.message}`).join('\n')}`);
  return buildOrgView(gate.model, TODAY);
}

function gremium(id: string, vorlageAn: string[]): string {
  const open = (key: string) => `${key}:\n  offen: x\n`;
  return `${HEADER('gremium')}id: ${id}\nname: Gremium ${id}\naufgabe: vorbereiten\n${['zusammensetzung', 'ebene', 'entscheidungsregel', 'sitzungsrhythmus'].map(open).join('')}vorlageAn: [${vorlageAn.join(', ')}]\n`;
}

describe('a long delegation chain', () => {
  it('11,000 delegations listed from the end of the chain: checked and shown in linear time', () => {
    const file = fs.readFileSync(path.join(BASE, 'governance/mitglieder/gemeinde-a.yaml'), 'utf8');
    const chain = Array.from(
      { length: 11_000 },
      (_, i) => `  - { von: ${i === 0 ? 'bm-gemeinde-a' : `u${i - 1}`}, an: u${i}, umfang: x, gueltig: { von: 2026-01-01, bis: 2026-12-31 } }`,
    ).reverse();
    const member = `${file.slice(0, file.indexOf('delegationen:'))}delegationen:\n${chain.join('\n')}\n`;
    const started = performance.now();
    const view = checkedView({ 'governance/mitglieder/gemeinde-a.yaml': member });
    const text = formatOrgText(view);
    // Before: 2.2 s for the check and 9.8 s for the view (every delegation compared with every other).
    expect(performance.now() - started).toBeLessThan(5000);
    const a = view.members.find((m) => m.id === 'gemeinde-a')!;
    expect(a.approvers).toHaveLength(11_001);
    expect(a.approvers).toContain('u10999');
    expect(text).toContain('    Delegation:   u10998 → u10999, 2026-01-01 bis 2026-12-31: x');
  });
});

describe('a long escalation chain', () => {
  let view: OrgView;
  beforeAll(() => {
    const chain: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) chain[`governance/gremien/g${i}.yaml`] = gremium(`g${i}`, [i === 2999 ? 'hvb-runde' : `g${i + 1}`]);
    view = checkedView(chain);
  });

  it('each body carries the head of its chain, the top and the full length', () => {
    const byId = new Map(view.bodies.map((g) => [g.id, g]));
    expect(Math.max(...view.bodies.map((g) => g.escalation.length))).toBe(11);
    expect([byId.get('g0')!.escalation, byId.get('g0')!.escalationSteps]).toEqual([
      ['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'hvb-runde'],
      3001,
    ]);
    // Eleven bodies fit unshortened; one more is shortened.
    expect([byId.get('g2990')!.escalation, byId.get('g2990')!.escalationSteps]).toEqual([
      ['g2990', 'g2991', 'g2992', 'g2993', 'g2994', 'g2995', 'g2996', 'g2997', 'g2998', 'g2999', 'hvb-runde'],
      11,
    ]);
    expect(byId.get('g2989')!.escalation).toEqual(['g2989', 'g2990', 'g2991', 'g2992', 'g2993', 'g2994', 'g2995', 'g2996', 'g2997', 'g2998', 'hvb-runde']);
    expect(byId.get('g2989')!.escalationSteps).toBe(12);
    // Still top-down: ordered by the full length of the chain.
    expect(view.bodies.slice(0, 3).map((g) => g.id)).toEqual(['hvb-runde', 'g2999', 'ikz-digitalisierung']);
    expect(view.bodies[view.bodies.length - 1]!.id).toBe('g0');
  });

  it('the text shortens long chains and stays linear in size', () => {
    const text = formatOrgText(view);
    expect(text).toContain(
      '    Eskalation:         Gremium g0 → Gremium g1 → Gremium g2 → Gremium g3 → Gremium g4 → Gremium g5 → Gremium g6 → Gremium g7 → Gremium g8 → Gremium g9 → … (3001 Stufen) → HVB-Runde\n',
    );
    expect(text).toContain(
      '    Eskalation:         Gremium g2990 → Gremium g2991 → Gremium g2992 → Gremium g2993 → Gremium g2994 → Gremium g2995 → Gremium g2996 → Gremium g2997 → Gremium g2998 → Gremium g2999 → HVB-Runde\n',
    );
    // Before: 81 MB. Now at most a few hundred bytes per body.
    expect(text.length).toBeLessThan(3000 * 500);
  });

  it('the JSON meets its contract and stays linear in size', () => {
    const json = JSON.stringify(view, null, 2);
    expect(json.length).toBeLessThan(3000 * 700);
    const valid = validateOrg(JSON.parse(json));
    expect(validateOrg.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the organigram is refused with a German message, before Graphviz runs', async () => {
    const refused = organigramSvg(view);
    await expect(refused).rejects.toBeInstanceOf(OrganigramTooLarge);
    await expect(refused).rejects.toThrow(
      'Das Organigramm ist zu groß zum Zeichnen: 3002 Gremien und 2 Mitglieder mit 3004 Verbindungen (höchstens 500 Gremien und Mitglieder zusammen und 150 Verbindungen). Bitte --format text oder --format json verwenden; sie zeigen die Organisation in jeder Größe.',
    );
  });
});

/** The Verbund's terms, as buildOrgView takes them from verbund.yaml. */
const TERMS: OrgView['terms'] = {
  mitgliedsarten: [{ id: 'Gemeinde', name: 'Gemeinde' }],
  rollen: [
    { id: 'hvb', name: 'HVB' },
    { id: 'vertretung', name: 'Allgemeine Vertretung' },
    { id: 'cdo', name: 'CDO' },
  ],
  gremienebenen: [{ id: 'strategisch', name: 'strategisch' }],
  sitzungsrhythmen: [{ id: 'monatlich', name: 'monatlich' }],
  mehrheiten: [{ id: 'einfach', name: 'einfache Mehrheit' }],
};

/** A body and a member with every field the views print. */
function body(id: string, over: Partial<BodyView> = {}): BodyView {
  return {
    id,
    name: `Gremium ${id}`,
    aufgabe: 'entscheiden',
    ebene: ['strategisch'],
    zusammensetzung: [{ mitglieder: 'alle', rolle: 'hvb', anzahl: 1 }],
    vorsitz: { mitglied: 'a', rolle: 'hvb' },
    sitzungsrhythmus: 'monatlich',
    entscheidungsregel: { art: 'mehrheit', mehrheit: 'einfach', quorum: '1/2' },
    entscheidet: ['Verbundziele'],
    bereitetVor: ['Beschlüsse'],
    vorlageAn: [],
    escalation: [id],
    escalationSteps: 1,
    ...over,
  };
}

function member(id: string, over: Partial<MemberView> = {}): MemberView {
  return {
    id,
    name: `Gemeinde ${id}`,
    art: 'Gemeinde',
    hvb: { amt: 'Bürgermeisterin', name: 'Erika Muster', github: `bm-${id}` },
    vertretung: { amt: 'Vertretung', name: 'Max Muster', github: `av-${id}` },
    delegationen: [{ von: `bm-${id}`, an: `av-${id}`, umfang: 'Urlaub', gueltig: { von: '2026-01-01', bis: '2026-12-31' } }],
    digitalisierungskontakt: `digital@${id}.example`,
    approvers: [`bm-${id}`],
    rollen: [{ rolle: 'cdo', adresse: `cdo@${id}.example`, github: `cdo-${id}`, einheit: 'fd-10', stundenProWoche: 2, geteiltMit: [] }],
    ...over,
  };
}

describe('the organigram size limit', () => {
  const view = (members: number, bodies: BodyView[]): OrgView => ({
    name: 'Verbund',
    asOf: TODAY,
    members: Array.from({ length: members }, (_, i) => member(`m${i}`)),
    bodies,
    topBody: 'top',
    strategies: { goals: [], members: [] },
    terms: TERMS,
  });
  const fan = (n: number) => [body('top'), ...Array.from({ length: n }, (_, i) => body(`g${i}`, { zusammensetzung: null, vorlageAn: ['top'] }))];

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('draws 500 bodies and members, refuses 501', async () => {
    expect(ORGANIGRAM_LIMITS.nodes).toBe(500);
    expect(await organigramSvg(view(499, [body('top')]))).toContain('<svg');
    await expect(organigramSvg(view(500, [body('top')]))).rejects.toThrow(
      /^Das Organigramm ist zu groß zum Zeichnen: 1 Gremien und 500 Mitglieder mit 1 Verbindungen/,
    );
  });

  it('draws 150 arrows, refuses 151', async () => {
    expect(ORGANIGRAM_LIMITS.edges).toBe(150);
    expect(await organigramSvg(view(2, fan(149)))).toContain('<svg');
    await expect(organigramSvg(view(2, fan(150)))).rejects.toBeInstanceOf(OrganigramTooLarge);
    const senders = [body('top', { zusammensetzung: [{ mitglieder: Array.from({ length: 151 }, (_, i) => `m${i}`), rolle: 'cdo', anzahl: 1 }] })];
    await expect(organigramSvg(view(151, senders))).rejects.toThrow(/mit 151 Verbindungen/);
  });

  it('a stack overflow in the layout is the same refusal, other failures stay what they are', async () => {
    const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
    const dot = vi.spyOn(Graphviz.prototype, 'dot');
    // The package catches the RangeError of the WebAssembly layout and rethrows its message as a plain Error.
    for (const thrown of [new RangeError('Maximum call stack size exceeded'), new Error('Maximum call stack size exceeded')]) {
      dot.mockImplementationOnce(() => {
        throw thrown;
      });
      await expect(organigramSvg(view(2, fan(3)))).rejects.toThrow(
        new OrganigramTooLarge(
          'Das Organigramm ist zu groß zum Zeichnen: Die Anordnung der Gremien und Mitglieder ist zu tief verschachtelt. Bitte --format text oder --format json verwenden; sie zeigen die Organisation in jeder Größe.',
        ),
      );
    }
    const other = new Error('syntax error in line 1');
    dot.mockImplementationOnce(() => {
      throw other;
    });
    await expect(organigramSvg(view(2, fan(3)))).rejects.toBe(other);
  });
});

describe('control and invisible characters in names and values', () => {
  /** Everything escapeLine makes visible: C0 (with tab, CR and LF), DEL, C1, zero-width, bidi, line separators, BOM. */
  const RAW = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;
  /** What XML 1.0 allows (production Char). */
  const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
  const BAD = '\u001b[2J\u0007\u0000\t\r\nErgebnis: in Ordnung\u0085\u200b\u202e\u2028\ufeff';

  const clean = (): OrgView => ({
    name: 'Verbund Nord',
    asOf: TODAY,
    members: [member('a'), member('b')],
    bodies: [body('top'), body('ag', { vorlageAn: ['top'], escalation: ['ag', 'top'], escalationSteps: 2 })],
    topBody: 'top',
    strategies: {
      goals: ['1.1'],
      members: [{ mitglied: 'a', status: 'beschlossen', titel: 'Strategie', datum: '2026-01-15', link: 'https://a.example/s', ziele: ['1.1'] }],
    },
    terms: TERMS,
  });
  /** The same organisation with BAD in every string the views print. */
  const hostile = (): OrgView => {
    const bad = (s: string) => `${s}${BAD}`;
    const anyBad = bad as (s: string) => never;
    const view = clean();
    return {
      ...view,
      name: bad(view.name),
      members: view.members.map((m) => ({
        ...m,
        name: bad(m.name),
        art: bad(m.art),
        hvb: { amt: bad(m.hvb!.amt), name: bad(m.hvb!.name!), github: bad(m.hvb!.github!) },
        vertretung: { amt: bad(m.vertretung!.amt), name: bad(m.vertretung!.name!), github: bad(m.vertretung!.github!) },
        delegationen: m.delegationen.map((d) => ({
          von: bad(d.von),
          an: bad(d.an),
          umfang: bad(d.umfang),
          gueltig: { von: bad(d.gueltig.von), bis: bad(d.gueltig.bis!) },
        })),
        digitalisierungskontakt: bad(m.digitalisierungskontakt!),
        approvers: m.approvers.map(bad),
        rollen: m.rollen!.map((r) => ({
          ...r,
          rolle: anyBad(r.rolle),
          adresse: bad(r.adresse!),
          github: bad(r.github!),
          einheit: bad(r.einheit!),
          geteiltMit: [bad('x')],
        })),
      })),
      bodies: view.bodies.map((g) => ({
        ...g,
        name: bad(g.name),
        ebene: [bad(g.ebene![0]!)],
        zusammensetzung: [{ mitglieder: ['a', bad('fremd')], rolle: bad('rolle'), anzahl: 2 }],
        vorsitz: { mitglied: bad('a'), rolle: bad('hvb') },
        sitzungsrhythmus: bad('monatlich'),
        entscheidungsregel: { art: anyBad('konsens'), mehrheit: null, quorum: null },
        entscheidet: [bad('Verbundziele')],
        bereitetVor: [bad('Beschlüsse')],
        escalation: g.escalation.map((id) => (id === 'top' ? id : bad(id))),
      })),
      strategies: {
        goals: [bad('1.1')],
        members: view.strategies.members.map((r) => ({
          ...r,
          mitglied: bad('a'),
          status: bad('beschlossen'),
          titel: bad(r.titel!),
          datum: bad(r.datum!),
          link: bad(r.link!),
        })),
      },
      // The Verbund's own names for its terms are data too.
      terms: Object.fromEntries(
        Object.entries(view.terms).map(([list, terms]) => [list, terms.map((t) => ({ id: t.id, name: bad(t.name) }))]),
      ) as OrgView['terms'],
    };
  };

  it('the text shows every one of them as a visible escape and keeps its lines', () => {
    const text = formatOrgText(hostile());
    expect(text.replace(/\n/g, '')).not.toMatch(RAW);
    expect(text.split('\n')).toHaveLength(formatOrgText(clean()).split('\n').length);
    expect(text.split('\n').filter((l) => l.startsWith('Ergebnis'))).toEqual([]);
    expect(text).toContain(
      'Verbund Nord\\u001B[2J\\u0007\\u0000\\t\\r\\nErgebnis: in Ordnung\\u0085\\u200B\\u202E\\u2028\\uFEFF – Organisation am 2026-11-21\n',
    );
    expect(text).toContain('    Delegation:   bm-a\\u001B[2J');
  });

  it('the organigram is well-formed XML and shows them as visible escapes', async () => {
    const view = hostile();
    // Also characters XML 1.0 forbids that escapeLine leaves alone: a lone surrogate, U+FFFE, and an id with controls.
    view.members[0]!.name += '\ud800\ufffe';
    view.bodies[1]!.id = 'ag\u001b\u0001';
    view.bodies[1]!.vorlageAn = ['top\u0002'];
    const svg = await organigramSvg(view);
    expect(svg).not.toMatch(NOT_XML);
    // Graphviz's own line breaks aside.
    expect(svg.replace(/\n/g, '')).not.toMatch(RAW);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Gemeinde a\\u001B[2J\\u0007\\u0000\\t\\r\\nErgebnis: in Ordnung\\u0085\\u200B\\u202E\\u2028\\uFEFF\\uD800\\uFFFE');
    // Graphviz keeps the doubled backslash of an id (DOT unescapes only labels).
    expect(svg).toContain('<title>ag\\\\u001B\\\\u0001&#45;&gt;top\\\\u0002</title>');
  });
});

describe('a model that did not pass the check', () => {
  it('an escalation circle still ends: each chain goes round once', () => {
    const circle: Record<string, string> = { 'governance/gremien/ikz-digitalisierung.yaml': gremium('ikz-digitalisierung', ['x1']) };
    for (let i = 1; i <= 20; i++) circle[`governance/gremien/x${i}.yaml`] = gremium(`x${i}`, [i === 20 ? 'x1' : `x${i + 1}`]);
    const { model } = loadGovernance(memorySourceOf(BASE, circle), validators);
    // Deliberately unchecked (eskalation-endet-oben would refuse it): the view must still terminate.
    const view = buildOrgView(model as CheckedModel, TODAY);
    const byId = new Map(view.bodies.map((g) => [g.id, g]));
    expect([byId.get('x1')!.escalation.length, byId.get('x1')!.escalationSteps]).toEqual([11, 21]);
    expect(byId.get('x1')!.escalation.at(-1)).toBe('x1');
    expect(byId.get('ikz-digitalisierung')!.escalationSteps).toBe(22);
    expect(byId.get('ikz-digitalisierung')!.escalation.at(-1)).toBe('x1');
    expect(formatOrgText(view)).toContain('Gremium x1 → Gremium x2 → Gremium x3');
  });
});
