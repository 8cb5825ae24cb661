// The organisation views: built from the checked model, rendered as text, JSON and organigram.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecked, openSource } from '../pipeline';
import { compileValidators } from '../schema/compile';
import { organigramDot } from './dot';
import { organigramSvg } from './svg';
import { formatOrgText } from './text';
import { buildOrgView, type OrgView } from './view';

const REPO = path.join(__dirname, '..', '..');
/** The fictional example Verbund; the tool's tests never read the data shipped in governance/. */
const EXAMPLE = path.join(REPO, 'examples', 'musterverbund');
const validators = compileValidators(path.join(REPO, 'schemas', 'governance'));
const viewOf = (root: string): OrgView => {
  const gate = loadChecked(openSource(root), { validators, today: '2026-11-21' });
  if (!gate.ok) throw new Error(`${root} should pass the check`);
  return buildOrgView(gate.model, '2026-11-21');
};

describe('org view of the base fixture', () => {
  const view = viewOf(path.join(REPO, 'test', 'fixtures', 'base'));

  it('lists members with HVB, deputy, delegations and roles', () => {
    const a = view.members.find((m) => m.id === 'gemeinde-a')!;
    expect(a.hvb).toEqual({ amt: 'Bürgermeisterin oder Bürgermeister', name: 'Erika Muster', github: 'bm-gemeinde-a' });
    expect(a.vertretung?.github).toBe('av-gemeinde-a');
    expect(a.delegationen).toEqual([
      {
        von: 'bm-gemeinde-a',
        an: 'av-gemeinde-a',
        umfang: 'Alle Freigaben während der Abwesenheit der Bürgermeisterin',
        gueltig: { von: '2026-01-01', bis: '2026-12-31' },
      },
    ]);
    expect(a.rollen?.map((r) => r.rolle)).toEqual(['cdo', 'digitallotse', 'datenschutzbeauftragte']);
  });

  it('orders bodies top-down and gives each its escalation chain', () => {
    expect(view.topBody).toBe('hvb-runde');
    expect(view.bodies.map((g) => [g.id, g.escalation, g.escalationSteps])).toEqual([
      ['hvb-runde', ['hvb-runde'], 1],
      ['ikz-digitalisierung', ['ikz-digitalisierung', 'hvb-runde'], 2],
    ]);
  });

  it('shows strategy coverage of goals per member', () => {
    expect(view.strategies).toEqual({
      goals: ['1.1', '1.2'],
      members: [
        { mitglied: 'gemeinde-a', status: 'beschlossen', titel: null, datum: '2026-01-15', link: null, ziele: ['1.1', '1.2'] },
        { mitglied: 'landkreis-muster', status: 'beschlossen', titel: null, datum: '2026-01-15', link: null, ziele: ['1.1', '1.2'] },
      ],
    });
  });

  it('renders German text with composition, rule and escalation', () => {
    const text = formatOrgText(view);
    expect(text).toContain('    HVB:          Bürgermeisterin oder Bürgermeister – Erika Muster, GitHub bm-gemeinde-a');
    expect(text).toContain('    Delegation:   bm-gemeinde-a → av-gemeinde-a, 2026-01-01 bis 2026-12-31');
    expect(text).toContain('    Zusammensetzung:    Landkreis Muster, Gemeinde A (CDO, je 2)');
    expect(text).toContain('    Entscheidungsregel: einfache Mehrheit, Quorum 1/2');
    expect(text).toContain('    Eskalation:         IKZ Digitalisierung → HVB-Runde');
    expect(text).toContain('    Datenschutzbeauftragte datenschutz@landkreis-muster.example; geteilt mit Landkreis Muster');
  });

  it('writes the same DOT twice', () => {
    expect(organigramDot(view)).toBe(organigramDot(view));
  });
});

describe('organigram determinism', () => {
  /** The same organisation with every list the organigram reads in another order. */
  const reordered = (view: OrgView): OrgView => ({
    ...view,
    members: [...view.members].reverse(),
    bodies: [...view.bodies].reverse().map((g) => ({
      ...g,
      vorlageAn: [...g.vorlageAn].reverse(),
      zusammensetzung:
        g.zusammensetzung &&
        [...g.zusammensetzung].reverse().map((e) => ({ ...e, mitglieder: e.mitglieder === 'alle' ? e.mitglieder : [...e.mitglieder].reverse() })),
    })),
    strategies: { goals: [...view.strategies.goals].reverse(), members: [...view.strategies.members].reverse() },
  });
  /** More edges than the example has: three escalation targets, a composition of a list and of all members. */
  const withMoreEdges = (view: OrgView): OrgView => ({
    ...view,
    bodies: view.bodies.map((g) =>
      g.id === 'ag-informationssicherheit'
        ? { ...g, vorlageAn: ['ikz-digitalisierung', 'lenkungskreis-digitalisierung', 'hvb-runde'] }
        : g.id === 'ag-onlinedienste'
          ? {
              ...g,
              zusammensetzung: [
                { mitglieder: ['stadt-musterstadt', 'flecken-lindenau', 'landkreis-heideland'], rolle: 'ozgKoordination', anzahl: 1 },
                { mitglieder: 'alle', rolle: null, anzahl: 1 },
              ],
            }
          : g,
    ),
  });
  const order = (view: OrgView) => [view.members.map((m) => m.id), view.bodies.map((g) => [g.id, g.vorlageAn, g.zusammensetzung])];

  const cases: [string, () => OrgView][] = [
    ['example Verbund', () => viewOf(EXAMPLE)],
    ['example Verbund with more edges', () => withMoreEdges(viewOf(EXAMPLE))],
    ['base fixture', () => viewOf(path.join(REPO, 'test', 'fixtures', 'base'))],
  ];
  for (const [name, build] of cases) {
    it(`renders the same SVG whatever the input order: ${name}`, async () => {
      const view = build();
      const shuffled = reordered(view);
      expect(order(shuffled)).not.toEqual(order(view));
      const [svg, again] = [await organigramSvg(view), await organigramSvg(shuffled)];
      expect(svg).toContain('<svg');
      expect(again).toBe(svg);
    });
  }
});

describe('organigram escaping', () => {
  it('shows names with &, quotes and angle brackets exactly as written', async () => {
    const view: OrgView = {
      name: 'Verbund "Nord" & Süd',
      asOf: '2026-11-21',
      members: [
        {
          id: 'a',
          name: 'Stadt <script>alert(1)</script> & "Land"',
          art: 'Stadt',
          hvb: null,
          vertretung: null,
          delegationen: [],
          digitalisierungskontakt: null,
          approvers: [],
          rollen: null,
        },
      ],
      bodies: [],
      strategies: { goals: [], members: [] },
      terms: { mitgliedsarten: [], rollen: [], gremienebenen: [], sitzungsrhythmen: [], mehrheiten: [] },
    };
    const svg = await organigramSvg(view);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Stadt &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Land&quot;');
    expect(svg).toContain('Verbund &quot;Nord&quot; &amp; Süd');
  });
});

describe('organigram of the example Verbund', () => {
  let svg: string;
  beforeAll(async () => {
    svg = await organigramSvg(viewOf(EXAMPLE));
  });

  const titles = (kind: 'node' | 'edge') =>
    [...svg.matchAll(new RegExp(`<g id="${kind}\\d+" class="${kind}">\\s*<title>([^<]*)</title>`, 'g'))].map((m) =>
      m[1]!.replace(/&#45;/g, '-').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    );

  it('has a node for every body and every member', () => {
    expect(titles('node').sort()).toEqual(
      [
        'ag-informationssicherheit',
        'ag-onlinedienste',
        'hvb-runde',
        'ikz-digitalisierung',
        'lenkungskreis-digitalisierung',
        'mitglied:flecken-lindenau',
        'mitglied:gemeinde-birkenfelde',
        'mitglied:gemeinde-eichwalde',
        'mitglied:landkreis-heideland',
        'mitglied:samtgemeinde-am-moorbach',
        'mitglied:stadt-musterstadt',
      ].sort(),
    );
  });

  it('draws the escalation up to the HVB-Runde and the members sending into bodies', () => {
    const edges = titles('edge');
    expect(edges.filter((e) => !e.startsWith('mitglied:')).sort()).toEqual([
      'ag-informationssicherheit->ikz-digitalisierung',
      'ag-onlinedienste->ikz-digitalisierung',
      'ag-onlinedienste->lenkungskreis-digitalisierung',
      'ikz-digitalisierung->lenkungskreis-digitalisierung',
      'lenkungskreis-digitalisierung->hvb-runde',
    ]);
    // A body of all members gets one edge from the members' cluster; a list, one edge per member.
    const sending = (body: string) =>
      edges
        .filter((e) => e.startsWith('mitglied:') && e.endsWith(`->${body}`))
        .map((e) => e.split('->')[0])
        .sort();
    expect(['hvb-runde', 'lenkungskreis-digitalisierung', 'ag-informationssicherheit'].map((b) => sending(b).length)).toEqual([1, 1, 1]);
    expect(sending('ag-onlinedienste')).toEqual(['mitglied:landkreis-heideland', 'mitglied:samtgemeinde-am-moorbach', 'mitglied:stadt-musterstadt']);
    // IKZ Digitalisierung: all members send their CDO, three of them also their OZG-Koordination.
    expect(sending('ikz-digitalisierung').length).toBe(4);
  });

  it('labels in German at print size', () => {
    expect(svg).toContain('Organigramm der Zusammenarbeit im Musterverbund im Landkreis Heideland');
    expect(svg).toContain('>legt vor<');
    expect(svg).toContain('>entsenden: HVB<');
    expect(svg).toContain('>entsenden: OZG&#45;Koordination<');
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  });
});
