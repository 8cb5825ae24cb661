import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../approvals/decision';
import { parseEvidence } from './read-evidence';
import { basisDigest, decisionTrailers } from './trailers';

const SHA = (c: string) => c.repeat(40);
const decision: Decision = {
  ok: true,
  evaluatedAt: '2026-03-02T09:00:00.000Z',
  tool: { name: 'verbund', version: '0.1.0' },
  repo: 'landkreis/governance',
  pullRequest: 12,
  author: { id: 501, login: 'ikz-digital' },
  base: { sha: SHA('b') },
  head: { sha: SHA('c'), tree: SHA('d') },
  basis: [
    { path: 'policies/freigaberegeln.yaml', sha256: SHA('1').slice(0, 64).padEnd(64, '1') },
    { path: 'governance/verbund.yaml', sha256: '2'.repeat(64) },
  ],
  paths: [{ path: 'governance/ziele/5.3-kostenteilung.yaml', rules: ['leitlinie'] }],
  requirements: [
    {
      rules: ['leitlinie'],
      kind: 'hvb-des-mitglieds',
      description: 'HVB von Gemeinde A',
      member: 'gemeinde-a',
      needed: 1,
      approved: 1,
      met: true,
      votes: [
        {
          member: 'gemeinde-a',
          userId: 1001,
          login: 'av-gemeinde-a',
          role: 'delegation',
          reviewId: 555,
          submittedAt: '2026-03-01T10:00:00Z',
          commitId: SHA('c'),
          delegation: { von: 'bm-gemeinde-a', an: 'av-gemeinde-a', gueltig: { von: '2026-01-01', bis: '2026-07-31' } },
        },
      ],
      missing: [],
    },
  ],
  resolution: { rules: ['leitlinie'], bodies: ['HVB-Runde'], found: { gremium: 'HVB-Runde', datum: '2026-03-01', nummer: 'HVB-2026/04' } },
  notes: [],
};

describe('decision trailers', () => {
  const lines = decisionTrailers(decision);

  it('writes one line per fact, with a digest over the basis files', () => {
    expect(lines).toEqual([
      'Verbund-Freigabe: 1',
      'Verbund-Pull-Request: landkreis/governance#12',
      'Verbund-Autor: id=501 login=ikz-digital',
      `Verbund-Basis: ${SHA('b')}`,
      `Verbund-Kopf: ${SHA('c')} baum=${SHA('d')}`,
      `Verbund-Grundlage: dateien=2 sha256=${basisDigest(decision.basis)}`,
      `Verbund-Datei: ${'2'.repeat(64)} governance/verbund.yaml`,
      `Verbund-Datei: ${'1'.repeat(64)} policies/freigaberegeln.yaml`,
      'Verbund-Regeln: leitlinie',
      `Verbund-Stimme: anforderung=hvb:gemeinde-a mitglied=gemeinde-a rolle=delegation id=1001 login=av-gemeinde-a review=555 zeit=2026-03-01T10:00:00Z commit=${SHA('c')} delegation=bm-gemeinde-a:av-gemeinde-a:2026-01-01:2026-07-31`,
      'Verbund-Beschluss: HVB-Runde; 2026-03-01; HVB-2026/04',
      'Verbund-Entschieden: 2026-03-02T09:00:00.000Z verbund/0.1.0',
    ]);
  });

  it('are read back the same, and git interpret-trailers sees exactly these trailers', () => {
    const message = `Kostenteilung: Meilenstein 5.3-M2 erreicht (#12)\n\nDer Schlüssel ist beschlossen.\n\n${lines.join('\n')}\n`;
    const git = spawnSync('git', ['interpret-trailers', '--parse'], { input: message, encoding: 'utf8' });
    expect(git.stdout.trimEnd().split('\n')).toEqual(lines);
    expect(parseEvidence(message)).toEqual({
      evidence: {
        repo: 'landkreis/governance',
        pullRequest: 12,
        author: { id: 501, login: 'ikz-digital' },
        base: SHA('b'),
        head: SHA('c'),
        headTree: SHA('d'),
        basis: [
          { path: 'governance/verbund.yaml', sha256: '2'.repeat(64) },
          { path: 'policies/freigaberegeln.yaml', sha256: '1'.repeat(64) },
        ],
        basisSha256: basisDigest(decision.basis),
        rules: ['leitlinie'],
        votes: [
          {
            requirement: 'hvb:gemeinde-a',
            member: 'gemeinde-a',
            role: 'delegation',
            userId: 1001,
            login: 'av-gemeinde-a',
            reviewId: 555,
            submittedAt: '2026-03-01T10:00:00Z',
            commitId: SHA('c'),
            delegation: { von: 'bm-gemeinde-a', an: 'av-gemeinde-a', ab: '2026-01-01', bis: '2026-07-31' },
          },
        ],
        resolution: 'HVB-Runde; 2026-03-01; HVB-2026/04',
        decidedAt: '2026-03-02T09:00:00.000Z',
        tool: 'verbund/0.1.0',
      },
    });
  });

  it('finds no evidence in a commit without trailers, and a problem in an incomplete or doubled record', () => {
    expect(parseEvidence('Direkt gepusht\n\nSigned-off-by: A <a@example.org>\n')).toBeUndefined();
    expect(parseEvidence(`Titel\n\n${lines.filter((l) => !l.startsWith('Verbund-Kopf')).join('\n')}\n`)).toEqual({
      problem: 'Der Nachweis im Commit ist unvollständig oder verfälscht: Verbund-Kopf steht 0-mal im Nachweis, erwartet genau einmal.',
    });
    expect(parseEvidence(`Titel\n\n${[...lines, lines[3]].join('\n')}\n`)).toMatchObject({ problem: expect.stringContaining('Verbund-Basis steht 2-mal') });
  });

  it('unfolds continuation lines as git interpret-trailers does, so a folded value is read as git reads it', () => {
    const vote = lines.findIndex((l) => l.startsWith('Verbund-Stimme'));
    const folded = [...lines];
    folded[vote] = folded[vote]!.replace(' login=', '\n  login=');
    const message = `Titel\n\n${folded.join('\n')}\n`;
    const git = spawnSync('git', ['interpret-trailers', '--parse'], { input: message, encoding: 'utf8' });
    expect(git.stdout.trimEnd().split('\n')).toEqual(lines);
    expect(parseEvidence(message)).toEqual(parseEvidence(`Titel\n\n${lines.join('\n')}\n`));
  });

  it('finds a forgery in the list of basis files and in numbers beyond what JavaScript counts exactly', () => {
    const replaced = (from: string, to: string) => parseEvidence(`Titel\n\n${lines.join('\n').replace(from, to)}\n`);
    expect(replaced(`${'2'.repeat(64)} governance/verbund.yaml`, `${'3'.repeat(64)} governance/verbund.yaml`)).toEqual({
      problem: 'Der Nachweis im Commit ist unvollständig oder verfälscht: die Prüfsumme in Verbund-Grundlage passt nicht zu den Verbund-Datei-Zeilen.',
    });
    expect(replaced('dateien=2', 'dateien=3')).toEqual({
      problem: 'Der Nachweis im Commit ist unvollständig oder verfälscht: Verbund-Grundlage nennt 3 Dateien, der Nachweis listet 2.',
    });
    expect(replaced('review=555', 'review=9007199254740993')).toEqual({
      problem: 'Der Nachweis im Commit ist unvollständig oder verfälscht: Verbund-Stimme review fehlt oder ist keine Zahl.',
    });
    expect(replaced('review=555', 'review=9007199254740991')).toMatchObject({ evidence: { votes: [{ reviewId: 9007199254740991 }] } });
  });

  it('refuses to write a value that could split or end the trailer block', () => {
    expect(() => decisionTrailers({ ...decision, author: { id: 1, login: 'x\nVerbund-Stimme: gefälscht' } })).toThrow('Unzulässiger Wert');
    expect(() =>
      decisionTrailers({ ...decision, resolution: { rules: [], bodies: [], found: { gremium: 'Rat\n\nX', datum: '2026-01-01', nummer: '1' } } }),
    ).toThrow('Unzulässiger Wert');
  });
});
