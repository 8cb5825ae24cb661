// The approval decision on the example Verbund: who counts, and what a reader is told.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/approvals/evaluate';
import { AUTHOR, DEPUTY, HEAD, HVB, NOW, OLD, REBASED, allHvb, governanceOf, governanceOfEight, review, snapshot } from './scenario';

const governance = governanceOf();
const LEITLINIE = ['governance/leitlinie/leitlinie.yaml'];
const MEMBER_FILE = ['governance/mitglieder/stadt-musterstadt.yaml'];
const decide = (...args: Parameters<typeof snapshot>) => evaluate(snapshot(...args), governance, NOW);
const requirement = (decision: ReturnType<typeof decide>, description: string) => decision.requirements.find((r) => r.description === description)!;

describe('approval by all HVB (rule leitlinie)', () => {
  it('passes when every member’s HVB approved, with each vote on record', () => {
    const decision = decide(LEITLINIE, allHvb());
    expect(decision.ok).toBe(true);
    expect(decision.paths).toEqual([{ path: 'governance/leitlinie/leitlinie.yaml', rules: ['leitlinie'] }]);
    const all = requirement(decision, 'alle HVB (6 Mitglieder, einstimmig)');
    expect(all).toMatchObject({ rules: ['leitlinie'], kind: 'alle-hvb', needed: 6, approved: 6, met: true, missing: [] });
    expect(all.votes.find((v) => v.member === 'stadt-musterstadt')).toMatchObject({
      userId: 1006,
      login: 'bm-musterstadt',
      name: 'Katrin Muster',
      role: 'hvb',
      commitId: HEAD.sha,
    });
  });

  it('fails when one HVB is missing, and names the member and who can still approve', () => {
    const decision = decide(
      LEITLINIE,
      allHvb().filter((r) => r.user.id !== 1006),
    );
    expect(decision.ok).toBe(false);
    expect(requirement(decision, 'alle HVB (6 Mitglieder, einstimmig)').missing).toEqual([
      { member: 'stadt-musterstadt', name: 'Stadt Musterstadt', whoCanApprove: ['bm-musterstadt', 'esr-musterstadt'] },
    ]);
  });

  it('does not count an approval given on a commit with another tree, but keeps one after a rebase that changed nothing', () => {
    const others = allHvb().filter((r) => r.user.id !== 1006);
    expect(decide(LEITLINIE, [...others, review(HVB['stadt-musterstadt']!, { commitId: OLD.sha })]).ok).toBe(false);
    expect(decide(LEITLINIE, [...others, review(HVB['stadt-musterstadt']!, { commitId: REBASED.sha })]).ok).toBe(true);
  });

  it('a later approval of an older commit neither counts nor withdraws an approval of the current tree', () => {
    const others = allHvb().filter((r) => r.user.id !== 1006);
    const hvb = HVB['stadt-musterstadt']!;
    const current = review(hvb, { submittedAt: '2026-11-30T08:00:00Z' });
    expect(decide(LEITLINIE, [...others, current, review(hvb, { commitId: OLD.sha })]).ok).toBe(true);
    expect(decide(LEITLINIE, [...others, review(hvb, { commitId: OLD.sha })]).ok).toBe(false);
  });

  it('withdraws an approval by a later "changes requested" or a dismissal; comments do not count', () => {
    const others = allHvb().filter((r) => r.user.id !== 1006);
    const hvb = HVB['stadt-musterstadt']!;
    const approved = review(hvb, { submittedAt: '2026-11-30T08:00:00Z' });
    expect(decide(LEITLINIE, [...others, approved, review(hvb, { state: 'CHANGES_REQUESTED' })]).ok).toBe(false);
    expect(decide(LEITLINIE, [...others, approved, review(hvb, { state: 'DISMISSED' })]).ok).toBe(false);
    expect(decide(LEITLINIE, [...others, approved, review(hvb, { state: 'COMMENTED' })]).ok).toBe(true);
    expect(decide(LEITLINIE, [...others, review(hvb, { state: 'COMMENTED' })]).ok).toBe(false);
  });
});

describe('who counts for a member', () => {
  const hvb = HVB['stadt-musterstadt']!;
  const deputy = DEPUTY['stadt-musterstadt']!;
  const decision = (...reviews: ReturnType<typeof review>[]) => decide(MEMBER_FILE, reviews);

  it('the member’s own files need its HVB (rule eigene-dateien)', () => {
    const result = decision(review(hvb));
    expect(result.ok).toBe(true);
    expect(result.paths).toEqual([{ path: 'governance/mitglieder/stadt-musterstadt.yaml', rules: ['eigene-dateien'], owner: 'stadt-musterstadt' }]);
    expect(result.requirements.map((r) => r.description)).toEqual(['HVB von Stadt Musterstadt']);
  });

  it('never the author, nor anyone who may not approve for the member', () => {
    expect(decision(review(AUTHOR)).ok).toBe(false);
    expect(decision(review(HVB['gemeinde-eichwalde']!)).ok).toBe(false);
    expect(decision(review({ id: 4711, login: 'irgendwer' })).ok).toBe(false);
  });

  it('the deputy within a delegation valid on the day of the review (Europe/Berlin, bis inclusive)', () => {
    // The delegation runs from 2026-01-01 to 2027-12-31.
    const counted = decision(review(deputy, { submittedAt: '2027-12-31T22:59:00Z' }));
    expect(counted.ok).toBe(true);
    expect(counted.requirements[0]!.votes[0]).toMatchObject({
      role: 'delegation',
      login: 'esr-musterstadt',
      name: 'Tobias Beispiel',
      delegation: { von: 'bm-musterstadt', an: 'esr-musterstadt', gueltig: { von: '2026-01-01', bis: '2027-12-31' } },
    });
    expect(decision(review(deputy, { submittedAt: '2027-12-31T23:00:00Z' })).ok).toBe(false); // 2028-01-01 in Berlin
    expect(decision(review(deputy, { submittedAt: '2025-12-31T22:59:00Z' })).ok).toBe(false); // 2025-12-31 in Berlin
  });

  it('when HVB and deputy disagree, the HVB decides', () => {
    expect(decision(review(hvb, { state: 'CHANGES_REQUESTED' }), review(deputy)).ok).toBe(false);
    expect(decision(review(hvb), review(deputy, { state: 'CHANGES_REQUESTED' })).ok).toBe(true);
  });

  it('one vote per member: HVB and deputy approving are one vote', () => {
    const result = decide(LEITLINIE, [...allHvb(), review(deputy)]);
    expect(requirement(result, 'alle HVB (6 Mitglieder, einstimmig)')).toMatchObject({ approved: 6, needed: 6 });
  });

  it('a login in other case is the same person; a renamed login (same id) counts once; a recycled login (other id) not at all', () => {
    expect(decision(review({ id: 1006, login: 'BM-Musterstadt' })).ok).toBe(true);
    expect(decision(review({ id: 1006, login: 'buergermeisterin-musterstadt' })).ok).toBe(true);
    expect(decision(review({ id: 5555, login: 'bm-musterstadt' })).ok).toBe(false);
    const renamed = decide(LEITLINIE, [...allHvb(), review({ id: 1006, login: 'neu-musterstadt' })]);
    expect(requirement(renamed, 'alle HVB (6 Mitglieder, einstimmig)').approved).toBe(6);
  });

  it('says plainly who must approve when the author is the member’s HVB', () => {
    const result = decide(MEMBER_FILE, [review(hvb)], { author: hvb });
    expect(result.ok).toBe(false);
    expect(result.notes).toEqual([
      '„bm-musterstadt“ hat den Pull Request erstellt und kann für Stadt Musterstadt nicht selbst freigeben; freigeben kann: esr-musterstadt (die allgemeine Vertretung nur innerhalb einer erfassten Delegation).',
    ]);
    expect(decide(MEMBER_FILE, [review(deputy)], { author: hvb }).ok).toBe(true);
  });
});

describe('several paths, groups, bodies and resolutions', () => {
  it('a change to several paths must satisfy the union of their rules', () => {
    const result = decide([...MEMBER_FILE, 'governance/mitglieder/gemeinde-eichwalde.yaml'], [review(HVB['stadt-musterstadt']!)]);
    expect(result.ok).toBe(false);
    expect(result.requirements.map((r) => [r.description, r.met])).toEqual([
      ['HVB von Gemeinde Eichwalde', false],
      ['HVB von Stadt Musterstadt', true],
    ]);
  });

  it('creating or deleting a member’s file is no edit of that member’s own file: it falls under the default rule', () => {
    const own = [review(HVB['stadt-musterstadt']!)];
    const deleted = decide(MEMBER_FILE, own, { createdOrDeleted: MEMBER_FILE });
    expect(deleted.paths).toEqual([{ path: MEMBER_FILE[0], rules: ['standard'] }]);
    expect(deleted.ok).toBe(false);
    expect(decide(MEMBER_FILE, own).ok).toBe(true);
  });

  it('a path no rule covers falls under the default rule', () => {
    const result = decide(['README.md'], allHvb());
    expect(result.paths).toEqual([{ path: 'README.md', rules: ['standard'] }]);
    expect(result.ok).toBe(true);
  });

  it('the rules themselves need all HVB and two of the platform team', () => {
    const ops = [review({ id: 3001, login: 'ops-anna' }), review({ id: 3002, login: 'ops-ben' })];
    expect(decide(['policies/freigaberegeln.yaml'], allHvb()).ok).toBe(false);
    const result = decide(['policies/freigaberegeln.yaml'], [...allHvb(), ...ops]);
    expect(result.ok).toBe(true);
    expect(requirement(result, '2 aus Plattform-Team')).toMatchObject({ approved: 2, needed: 2, met: true });
  });

  it('a team that could not be read fails closed', () => {
    const result = decide(['src/infra/program.ts'], [review({ id: 3001, login: 'ops-anna' }), review({ id: 3002, login: 'ops-ben' })], { teams: {} });
    expect(result.ok).toBe(false);
    expect(result.notes).toEqual([
      'Die Mitglieder des GitHub-Teams „musterverbund/plattform“ (Plattform-Team) konnten nicht gelesen werden; die Anforderung gilt als nicht erfüllt.',
    ]);
  });

  it('organisation data needs 2/3 of the HVB-Runde: 4 of 6 members', () => {
    const reviews = allHvb();
    expect(decide(['governance/gremien/ikz-digitalisierung.yaml'], reviews.slice(0, 3)).ok).toBe(false);
    const result = decide(['governance/gremien/ikz-digitalisierung.yaml'], reviews.slice(0, 4));
    expect(result.ok).toBe(true);
    expect(result.requirements[0]).toMatchObject({ description: '2/3 der Mitglieder von HVB-Runde (4 von 6)', needed: 4, approved: 4 });
  });

  it('a cost key needs a resolution in the description, and says which is missing or wrong', () => {
    const files = ['governance/kostenschluessel/schluessel.yaml'];
    const missing = decide(files, allHvb());
    expect(missing.ok).toBe(false);
    expect(missing.resolution).toEqual({
      rules: ['kosten'],
      bodies: ['HVB-Runde', 'Rat', 'Kreistag'],
      problem:
        'Der Pull Request nennt keinen Beschluss; bitte in die Beschreibung eine Zeile „Beschluss: <Gremium>; <JJJJ-MM-TT>; <Nummer>“ (Gremium: HVB-Runde, Rat, Kreistag) schreiben.',
    });
    const wrong = decide(files, allHvb(), { body: 'Neuer Schlüssel.\n\nBeschluss: Bauausschuss; 2026-03-12; BA-2026/4\n' });
    expect(wrong.resolution!.problem).toBe(
      '„Bauausschuss“ kann diesen Beschluss nicht fassen; die Regel verlangt einen Beschluss von: HVB-Runde, Rat, Kreistag.',
    );
    const found = decide(files, allHvb(), { body: 'Neuer Schlüssel.\r\n\r\nBeschluss: kreistag; 2026-03-12; DS 2026/045\r\n' });
    expect(found.ok).toBe(true);
    expect(found.resolution!.found).toEqual({ gremium: 'Kreistag', datum: '2026-03-12', nummer: 'DS 2026/045' });
  });
});

describe('the decision record', () => {
  it('matches schemas/output/approvals.schema.json with votes via delegation, group votes, a resolution and notes', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'output', 'approvals.schema.json'), 'utf8')));
    const ops = [review({ id: 3001, login: 'ops-anna' })];
    const decisions = [
      decide(
        ['governance/kostenschluessel/x.yaml', 'policies/freigaberegeln.yaml', ...MEMBER_FILE],
        [...allHvb(), ...ops, review(DEPUTY['stadt-musterstadt']!)],
        {
          body: 'Beschluss: Rat; 2026-02-01; 12/2026',
        },
      ),
      decide(MEMBER_FILE, [review(HVB['stadt-musterstadt']!)], { author: HVB['stadt-musterstadt']! }),
      decide(['governance/gremien/hvb-runde.yaml'], []),
      decide(MEMBER_FILE, [review(DEPUTY['stadt-musterstadt']!)]),
    ];
    for (const decision of decisions) expect(validate(JSON.parse(JSON.stringify(decision))), JSON.stringify(validate.errors)).toBe(true);
    expect(decisions[3]!.requirements[0]!.votes[0]!.delegation).toEqual({
      von: 'bm-musterstadt',
      an: 'esr-musterstadt',
      gueltig: { von: '2026-01-01', bis: '2027-12-31' },
    });
    expect(decisions[0]!.resolution!.found).toEqual({ gremium: 'Rat', datum: '2026-02-01', nummer: '12/2026' });
  });
});

describe('quorum as an exact fraction', () => {
  it('2/3 of the eight members of the HVB-Runde needs 6 votes: 5 do not reach it', () => {
    const eight = governanceOfEight();
    expect(eight.model.mitglieder).toHaveLength(8);
    const voters = [...Object.values(HVB), { id: 1103, login: 'bm-zusatz-1' }, { id: 1203, login: 'bm-zusatz-2' }];
    const at = (n: number) =>
      evaluate(
        snapshot(
          ['governance/gremien/ikz-digitalisierung.yaml'],
          voters.slice(0, n).map((u) => review(u)),
        ),
        eight,
        NOW,
      );
    expect(at(5).ok).toBe(false);
    expect(at(5).requirements[0]).toMatchObject({ description: '2/3 der Mitglieder von HVB-Runde (6 von 8)', needed: 6, approved: 5 });
    expect(at(6).ok).toBe(true);
  });
});

describe('the resolution line', () => {
  const files = ['governance/kostenschluessel/schluessel.yaml'];
  const problem = (body: string) => decide(files, allHvb(), { body }).resolution!.problem;

  it('counts only visible text: not inside an HTML comment or a code block', () => {
    expect(problem('<!-- Beschluss: Kreistag; 2026-03-12; DS 1 -->')).toMatch(/^Der Pull Request nennt keinen Beschluss/);
    expect(problem('```\nBeschluss: Kreistag; 2026-03-12; DS 1\n```\n')).toMatch(/^Der Pull Request nennt keinen Beschluss/);
  });

  it('refuses a date after today and a number without letters or digits', () => {
    expect(problem('Beschluss: Kreistag; 2099-12-31; DS 1')).toBe(
      'Der Beschluss ist auf den 2099-12-31 datiert, also nach heute (2026-11-30); ein Beschluss muss gefasst sein.',
    );
    expect(problem('Beschluss: Kreistag; 2026-03-12; -')).toBe('„-“ ist keine Beschlussnummer; bitte die Nummer der Drucksache oder des Beschlusses angeben.');
  });
});
