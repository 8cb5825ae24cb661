// verbund audit against records that lie: every claim the reports show (role, member, rules,
// resolution, the approved head, the reviewed commit) is checked against the repository and the
// recomputed decision; a history that is not whole (shallow clone, a range) is refused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPUTY, HVB } from '../approvals/scenario';
import { temporaryRoots, verbund } from '../support/cli';
import { baseCheckout } from '../support/git-repo';
import { approvedOnEarlierCommit, git, mergePull } from '../support/merged-history';

const roots = temporaryRoots();
const hvb = HVB['stadt-musterstadt']!;
const deputy = DEPUTY['stadt-musterstadt']!;
const at = (n: number) => ({ approvedAt: `2026-03-0${n}T09:00:00Z`, mergedAt: `2026-03-0${n}T12:00:00+01:00` });

function findings(root: string): string[][] {
  const out = JSON.parse(verbund('audit', '--root', root, '--format', 'json').stdout) as { commits: { findings: string[] }[] };
  return out.commits.slice(1).map((c) => c.findings);
}

describe('verbund audit against forged records', () => {
  it('checks what the record claims against the recomputed decision: role, rules, a resolution no rule asked for', () => {
    const { root } = baseCheckout(roots);
    const asHvb = (m: string) => m.replace('rolle=delegation', 'rolle=hvb').replace(/ delegation=\S+/, '');
    mergePull(root, { number: 1, line: 'eins', approver: deputy, ...at(2), tamper: asHvb });
    mergePull(root, { number: 2, line: 'zwei', approver: hvb, ...at(3), tamper: (m) => m.replace(/^Verbund-Regeln: .*$/m, 'Verbund-Regeln: keine') });
    const resolution = (m: string) => m.replace(/^(Verbund-Entschieden: .*)$/m, 'Verbund-Beschluss: Rat; 2026-03-01; R-1\n$1');
    mergePull(root, { number: 3, line: 'drei', approver: hvb, ...at(4), tamper: resolution });
    expect(findings(root)).toEqual([
      [
        'Die Stimme von esr-musterstadt (Review 101) steht im Nachweis als hvb für stadt-musterstadt zu „hvb:stadt-musterstadt“; so zählt sie nachgerechnet nicht.',
        'Der Nachweis lässt 1 Stimme(n) aus, die nachgerechnet zählen.',
      ],
      ['Der Nachweis nennt die Regeln keine, nachgerechnet gelten eigene-dateien.'],
      ['Der Nachweis nennt den Beschluss „Rat; 2026-03-01; R-1“, den keine Regel verlangt.'],
    ]);
  });

  it('finds a merged head other than the approved one, a vote on a commit with another tree, and a pull request merged twice', () => {
    const { root } = baseCheckout(roots);
    const otherHead = (m: string) =>
      m.replace(/^Verbund-Kopf: [0-9a-f]+/m, `Verbund-Kopf: ${'f'.repeat(40)}`).replace(/commit=[0-9a-f]+/, `commit=${'f'.repeat(40)}`);
    mergePull(root, { number: 1, line: 'eins', approver: hvb, ...at(2), tamper: otherHead });
    // The vote names the base commit: it exists here, with another tree than the approved one.
    const onBase = (m: string) => m.replace(/commit=[0-9a-f]+/, `commit=${/^Verbund-Basis: (\S+)$/m.exec(m)![1]}`);
    mergePull(root, { number: 2, line: 'zwei', approver: hvb, ...at(3), tamper: onBase });
    mergePull(root, { number: 3, line: 'drei', approver: hvb, ...at(4) });
    // A genuine record copied onto another merge: the same pull request a second time.
    mergePull(root, { number: 4, line: 'vier', approver: hvb, ...at(5), tamper: (m) => m.replace('governance#4', 'governance#3') });
    const [first, second, third, fourth] = findings(root);
    expect(first![0]).toMatch(/^Gemergt wurde Commit [0-9a-f]{12}, freigegeben war der Kopf-Commit ffffffffffff\.$/);
    expect(second).toEqual([
      'Anforderung „HVB von Stadt Musterstadt“ (Regel eigene-dateien) ist nicht erfüllt: 0 von 1 gültigen Freigaben am 2026-03-03.',
      'Die Stimme von bm-musterstadt (Review 102) steht im Nachweis als hvb für stadt-musterstadt zu „hvb:stadt-musterstadt“; so zählt sie nachgerechnet nicht.',
    ]);
    expect(third).toEqual([]);
    expect(fourth).toEqual([
      expect.stringMatching(/^musterverbund\/governance#3 wurde schon mit Commit [0-9a-f]{12} gemergt; ein Nachweis gilt für genau einen Merge\.$/),
    ]);
  });

  it('counts a review on an earlier commit with the approved tree, whether or not the clone still holds that commit', () => {
    const { root } = baseCheckout(roots);
    const onEarlier = approvedOnEarlierCommit(root);
    mergePull(root, { number: 1, line: 'eins', approver: hvb, ...at(2), squash: true, tamper: onEarlier.tamper });
    const earlier = onEarlier.earlier();
    expect(findings(root)).toEqual([[]]);
    // Gone from the clone (as in an auditor's fresh clone), it stands for the approved tree, as
    // verbund merge found it; --repo asks GitHub for its tree (audit-github.test.ts).
    git(root, ['gc', '-q', '--prune=now']);
    expect(spawnSync('git', ['cat-file', '-e', earlier], { cwd: root }).status).not.toBe(0);
    expect(findings(root)).toEqual([[]]);
  });

  it('judges each merge by its base even when only another file changed: a service a member names was deleted', () => {
    const { root } = baseCheckout(roots);
    const before = mergePull(root, {
      number: 1,
      line: '',
      file: 'governance/ziele/1.1-onlinedienste-aus-einer-hand.yaml',
      approver: hvb,
      ...at(2),
      edit: (t) => `${t}# eins\n`,
    });
    git(root, ['rm', '-q', 'governance/dienste/jitsi.yaml']);
    git(root, ['commit', '-q', '-m', 'Dienst entfernt'], '2026-03-03T10:00:00+01:00');
    // verbund merge would refuse: on this base a member refers to a service that no longer exists.
    mergePull(root, { number: 2, line: 'zwei', approver: hvb, ...at(4), decideOn: before });
    const [, direct, second] = findings(root);
    expect(direct).toEqual(['Kein Nachweis einer Freigabe im Commit (direkt gepusht oder ohne verbund merge gemergt).']);
    expect(second).toEqual([
      expect.stringMatching(
        /^Die Governance-Daten des Basis-Commits [0-9a-f]{12} tragen keine Freigabe \(\d+ Fehler in Freigaberegeln oder Identitäten, zuerst governance\/mitglieder\/.*\[referenz-aufloesbar\]\)\.$/,
      ),
    ]);
  });

  it('reads only what git reads as trailers, and refuses unknown trailers, unknown fields and impossible values', () => {
    const { root } = baseCheckout(roots);
    const cases: [string, (m: string) => string][] = [
      [
        'der letzte Absatz enthält außer Trailern die Zeile „Freier Text“, git liest ihn nicht als Trailer',
        (m) => m.replace('Verbund-Freigabe: 1', 'Freier Text\nVerbund-Freigabe: 1'),
      ],
      ['unbekannter Trailer Verbund-Zusatz', (m) => m.replace('Verbund-Freigabe: 1', 'Verbund-Freigabe: 1\nVerbund-Zusatz: x')],
      ['Verbund-Stimme mit unbekanntem Feld „gewicht“', (m) => m.replace('login=bm-musterstadt', 'login=bm-musterstadt gewicht=2')],
      ['Verbund-Pull-Request Nummer fehlt oder ist keine Zahl', (m) => m.replace(/governance#\d+$/m, 'governance#99999999999999999999999')],
      [
        'Verbund-Entschieden hat nicht die Form <Zeitpunkt ISO 8601> <werkzeug/fassung>',
        (m) => m.replace(/^Verbund-Entschieden: .*$/m, 'Verbund-Entschieden: gestern'),
      ],
      ['Verbund-Stimme zeit ist kein Zeitpunkt', (m) => m.replace(/zeit=\S+/, 'zeit=bald')],
      ['unbekannter Trailer verbund-stimme', (m) => m.replace('Verbund-Stimme:', 'Verbund-Stimme: anforderung=x\nverbund-stimme:')],
      ['die Trailer stehen in der Titelzeile, ohne Leerzeile davor; git liest sie nicht als Trailer', (m) => m.replace(/^[^\n]*\n\n/, '')],
    ];
    cases.forEach(([, tamper], i) =>
      mergePull(root, {
        number: i + 1,
        line: String(i),
        approver: hvb,
        approvedAt: `2026-03-1${i}T09:00:00Z`,
        mergedAt: `2026-03-1${i}T12:00:00+01:00`,
        tamper,
      }),
    );
    // After a "---" line git reads no trailers, and neither does the audit.
    const divided = (m: string) => m.replace('Verbund-Freigabe: 1', '--- Anhang\n\nVerbund-Freigabe: 1');
    mergePull(root, { number: 9, line: 'neun', approver: hvb, approvedAt: '2026-03-19T09:00:00Z', mergedAt: '2026-03-19T12:00:00+01:00', tamper: divided });
    expect(findings(root)).toEqual([
      ...cases.map(([problem]) => [`Der Nachweis im Commit ist unvollständig oder verfälscht: ${problem}.`]),
      ['Kein Nachweis einer Freigabe im Commit (direkt gepusht oder ohne verbund merge gemergt).'],
    ]);
  });

  it('refuses a history that is not whole: a shallow clone, a range, a branch without commits (exit 2, in German); ignores replace refs', () => {
    const { root } = baseCheckout(roots);
    mergePull(root, { number: 1, line: 'eins', approver: hvb, ...at(2) });
    // A replace ref that cuts the history (git replace --graft) is not followed: the commits count.
    git(root, ['replace', '--graft', 'HEAD']);
    expect(verbund('audit', '--root', root).stdout).toContain('\n1 Commits geprüft, 0 ohne gültigen Nachweis.\n');
    git(root, ['replace', '-d', git(root, ['rev-parse', 'HEAD'])]);
    const shallow = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-shallow-')), 'klon');
    roots.push(path.dirname(shallow));
    spawnSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, shallow]);
    expect(verbund('audit', '--root', shallow)).toMatchObject({
      code: 2,
      stderr: `verbund: ${shallow} ist ein flacher Klon: ohne die ganze Historie lässt sich nichts nachprüfen (bitte git fetch --unshallow).\n`,
    });
    expect(verbund('audit', '--root', shallow, '--as-of', '2026-03-02').code).toBe(2);
    expect(verbund('audit', '--root', root, '--branch', 'HEAD~1..HEAD')).toMatchObject({
      code: 2,
      stderr: `verbund: „HEAD~1..HEAD“ ist in ${root} kein Commit (ein Zweig ohne Commits, ein Tippfehler oder ein Bereich wie A..B; erwartet wird eine Revision).\n`,
    });
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-leer-'));
    roots.push(empty);
    git(empty, ['init', '-q', '-b', 'main']);
    expect(verbund('audit', '--root', empty)).toMatchObject({ code: 2, stderr: expect.stringContaining('„HEAD“ ist in') });
  });
});
