// The shipped governance data reproduces the approved Leitlinie v1.1 and passes the check.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bekannt } from '../../../src/model/types';
import { checkGovernance } from '../../../src/pipeline';
import { compileValidators } from '../../../src/schema/compile';

const ROOT = path.join(__dirname, '..', '..', '..');
const result = checkGovernance(ROOT, { validators: compileValidators(path.join(ROOT, 'schemas', 'governance')), today: '2026-11-21' });
const { model } = result;

/** Focus values as printed in §VI ("Dieses Ziel beeinflusst folgende Perspektiven positiv: …"); unnamed = 0. */
const FOKUS: Record<string, [number, number, number, number, number]> = {
  //      Finanzen, Mitarbeitende, Kunden, Prozesse, Gesellschaft
  '1.1': [2, 0, 0, 2, 2],
  '1.2': [3, 2, 0, 1, 0],
  '1.3': [1, 3, 0, 2, 0],
  '2.1': [2, 2, 0, 3, 0],
  '2.2': [1, 2, 0, 3, 0],
  '2.3': [0, 2, 3, 2, 1],
  '2.4': [3, 2, 2, 2, 2],
  '2.5': [1, 2, 3, 2, 2],
  '3.1': [0, 0, 2, 1, 3],
  '4.1': [0, 3, 0, 2, 0],
  '4.2': [1, 3, 0, 2, 0],
  '4.3': [1, 2, 0, 3, 0],
  '5.1': [2, 2, 2, 2, 3],
  '5.2': [0, 3, 0, 2, 0],
  '5.3': [3, 0, 0, 2, 0],
};
const MILESTONES: Record<string, number> = {
  '1.1': 3,
  '1.2': 4,
  '1.3': 3,
  '2.1': 6,
  '2.2': 3,
  '2.3': 3,
  '2.4': 4,
  '2.5': 3,
  '3.1': 2,
  '4.1': 2,
  '4.2': 4,
  '4.3': 3,
  '5.1': 4,
  '5.2': 3,
  '5.3': 3,
};

describe('shipped governance data', () => {
  it('passes the check without errors', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has the structure of the Leitlinie: 8 members, 5 dimensions, 15 goals, 50 milestones', () => {
    expect(result.summary).toMatchObject({ members: 8, dimensions: 5, goals: 15, milestones: 50, bodies: 6 });
    expect(model.dimensionen.map((d) => d.name)).toEqual([
      'Digitale Infrastruktur und Netze',
      'Digitale Verwaltung',
      'Digitale Daseinsvorsorge',
      'Digitaler Arbeitgeber',
      'Digitaler Rahmen',
    ]);
    expect(Object.fromEntries(model.ziele.map((z) => [z.id, z.meilensteine.length]))).toEqual(MILESTONES);
  });

  it('keeps each goal’s focus values as printed', () => {
    const order = model.leitlinie!.wirkung!.perspektiven.map((p) => p.id);
    expect(order).toEqual(['finanzen', 'mitarbeitende', 'kunden', 'prozesse', 'gesellschaft']);
    expect(Object.fromEntries(model.ziele.map((z) => [z.id, order.map((p) => z.fokus[p])]))).toEqual(FOKUS);
  });

  it('surfaces the §V breach of goal 1.1 as the one acknowledged exception', () => {
    expect(result.acknowledged).toHaveLength(1);
    expect(result.acknowledged[0]).toMatchObject({
      rule: 'fokus-hoechster-wert-einmal',
      key: { rule: 'fokus-hoechster-wert-einmal', subject: 'ziel:1.1', path: '/fokus' },
      file: 'governance/ziele/1.1-informationssicherheit-und-netze.yaml',
      exception: { grundlage: { datum: '2025-11-27', entscheidung: expect.stringMatching(/^Die HVB haben der Digitalisierungsleitlinie v1\.1 zugestimmt/) } },
    });
    // The Leitlinie names no body that decided the deviation: none is attributed.
    expect(result.acknowledged[0]!.exception.grundlage.beschluss).toBeUndefined();
  });

  it('follows §X: proposals go to the IKZ Steuerungsgruppe and the HVB-Runde, and every source quotes it', () => {
    const vorlage = Object.fromEntries(model.gremien.map((g) => [g.id, g.vorlageAn]));
    expect(vorlage).toEqual({
      arbeitsgruppen: ['ikz-steuerungsgruppe', 'hvb-runde'],
      'hvb-runde': [],
      'ikz-digitalisierung': ['ikz-steuerungsgruppe', 'hvb-runde'],
      'ikz-it': ['ikz-steuerungsgruppe', 'hvb-runde'],
      'ikz-personal': ['ikz-steuerungsgruppe', 'hvb-runde'],
      'ikz-steuerungsgruppe': ['hvb-runde'],
    });
    const quote = 'Entscheidungsvorschläge werden der IKZ Steuerungsgruppe und der HVB-Runde vorgelegt.';
    for (const id of ['arbeitsgruppen', 'ikz-digitalisierung', 'ikz-it', 'ikz-personal', 'ikz-steuerungsgruppe']) {
      expect(model.gremium(id)!.quelle!.replace(/\s+/g, ' '), id).toContain(quote);
    }
    expect(model.gremium('ikz-steuerungsgruppe')!.quelle).toMatch(/Folgerung \(nicht im Text\)/);
    expect(model.gremien.filter((g) => /erarbeite/i.test(`${g.beschreibung} ${g.quelle}`)).map((g) => g.id)).toEqual([]);
  });

  it('says unknown where the Leitlinie gives no milestone status, and labels the one inference (5.1-M2)', () => {
    const milestones = model.ziele.flatMap((z) => z.meilensteine);
    const byStatus = (status: string) => milestones.filter((m) => m.status === status).map((m) => m.id);
    expect(byStatus('offen')).toEqual([]);
    expect(byStatus('unbekannt')).toHaveLength(48);
    const [m1, m2, m3, m4] = model.ziel('5.1')!.meilensteine;
    expect([m1!.status, m3!.status]).toEqual(['unbekannt', 'unbekannt']);
    expect(m4).toMatchObject({ status: 'erreicht', erreichtAm: '2025-11-27' });
    expect(m2).toMatchObject({ status: 'erreicht', erreichtAm: { offen: expect.stringContaining('vor dem Beschluss am 27.11.2025') } });
    expect(m2!.herleitung).toMatch(/^Gefolgert, nicht im Text: /);
    expect(milestones.filter((m) => m.herleitung).map((m) => m.id)).toEqual(['5.1-M2']);
  });

  it('records the §VII Fokus of every goal as open (only in Figure 3), and never picks one for goal 1.1 with its tie', () => {
    for (const ziel of model.ziele) expect(ziel.fokusPerspektive, ziel.id).toEqual({ offen: expect.stringContaining('nur grafisch in Abbildung 3') });
    expect(model.ziel('1.1')!.fokusPerspektive).toEqual({ offen: expect.stringContaining('gleichauf den höchsten Wert 2; keiner wird ausgewählt') });
  });

  it('keeps the „etc.“ that ends the list of areas in §IX', () => {
    expect(model.ressourcen!.stellenbedarf.bereiche!.at(-1)).toBe('etc.');
  });

  it('keeps §VIII "Aufwände" apart from §VII "Aufwand": open for every goal, because the Zielsteckbriefe are internal', () => {
    expect(
      bekannt(model.leitlinie!.abschnitte)!
        .find((a) => a.titel === 'Zielsteckbriefe')!
        .begriffe!.map((f) => f.name),
    ).toContain('Aufwände');
    for (const ziel of model.ziele) {
      expect(ziel.aufwaende, ziel.id).toEqual({ offen: expect.stringMatching(/^Geschätzter Ressourceneinsatz je Ziel \(§VIII „Aufwände“\)/) });
      expect(ziel.aufwand, ziel.id).not.toEqual(ziel.aufwaende);
    }
  });

  it('records the approval of v1.1 by the HVB on 27.11.2025', () => {
    expect(model.historie!.versionen).toEqual([
      expect.objectContaining({ version: '1.1', datum: '2025-11-27', status: 'beschlossen', beschlossenVon: 'hvb-runde' }),
    ]);
    const reached = model.ziele.flatMap((z) => z.meilensteine).filter((m) => m.status === 'erreicht');
    expect(reached.map((m) => m.id)).toEqual(['5.1-M2', '5.1-M4']);
  });

  it('records values the seed shows only in pictures as open, never invented', () => {
    for (const z of model.ziele) {
      expect(z.prioritaet).toHaveProperty('offen');
      expect(z.aufwand).toHaveProperty('offen');
    }
    expect(model.ressourcen!.itAufwand).toHaveProperty('offen');
    expect(result.findings.filter((f) => f.rule === 'offener-wert').length).toBe(result.summary.openValues);
    expect(result.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('has the members and inhabitants of FACTS.md', () => {
    const einwohner = Object.fromEntries(model.mitglieder.map((m) => [m.id, 'wert' in m.einwohner ? m.einwohner.wert : 'offen']));
    expect(einwohner).toEqual({
      'gemeinde-grasberg': 'offen',
      'gemeinde-lilienthal': 19000,
      'gemeinde-ritterhude': 15000,
      'gemeinde-schwanewede': 21000,
      'gemeinde-worpswede': 'offen',
      'landkreis-osterholz': 116487,
      'samtgemeinde-hambergen': 'offen',
      'stadt-osterholz-scharmbeck': 30000,
    });
  });
});
