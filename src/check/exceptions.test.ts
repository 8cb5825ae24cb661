// Exceptions name a finding by its stable key, never by wording, and never waive integrity.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, RULE_CASES } from '../../test/fixture-cases';
import { memorySourceOf } from '../../test/support/memory-source';
import { checkSource, loadChecked } from '../pipeline';
import { compileValidators } from '../schema/compile';

const validators = compileValidators(path.join(__dirname, '..', '..', 'schemas', 'governance'));
const TODAY = '2026-11-21';
const CASE = path.join(RULE_CASES, 'ausnahme-gueltig', 'valid', 'governance');
const goal = fs.readFileSync(path.join(CASE, 'ziele', '1.2-synergien.yaml'), 'utf8');
const exceptions = fs.readFileSync(path.join(CASE, 'ausnahmen', 'ausnahmen.yaml'), 'utf8');

function run(files: Record<string, string>) {
  return checkSource(memorySourceOf(BASE, files), { validators, today: TODAY });
}

describe('exceptions', () => {
  it('match the finding by rule, subject and path, whatever its wording says', () => {
    const asDecided = run({ 'governance/ziele/1.2-synergien.yaml': goal, 'governance/ausnahmen/ausnahmen.yaml': exceptions });
    const changed = run({ 'governance/ziele/1.2-synergien.yaml': goal.replace('kunden: 0', 'kunden: 2'), 'governance/ausnahmen/ausnahmen.yaml': exceptions });
    for (const result of [asDecided, changed]) {
      expect(result.findings).toEqual([]);
      expect(result.acknowledged.map((a) => a.key)).toEqual([{ rule: 'fokus-hoechster-wert-einmal', subject: 'ziel:1.2', path: '/fokus' }]);
    }
    expect(changed.acknowledged[0]!.message).not.toBe(asDecided.acknowledged[0]!.message);
  });

  it('can never waive an integrity rule: the exception is an error, the finding stays, and consumers refuse the model', () => {
    const dangling = goal.replace('dimension: "1"', 'dimension: "9"');
    const waiver = exceptions.replace('regel: fokus-hoechster-wert-einmal', 'regel: referenz-aufloesbar').replace('pfad: /fokus', 'pfad: /dimension');
    const files = { 'governance/ziele/1.2-synergien.yaml': dangling, 'governance/ausnahmen/ausnahmen.yaml': waiver };
    const result = run(files);
    expect(result.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'ausnahme-gueltig governance/ausnahmen/ausnahmen.yaml:4:12 „referenz-aufloesbar“ sichert die Integrität der Daten (Verweise, Kennungen, Eskalation, Freigaben) und kann durch keine Ausnahme aufgehoben werden; bitte die Daten berichtigen.',
      'referenz-aufloesbar governance/ziele/1.2-synergien.yaml:4:12 Verweis auf die Dimension „9“, die es nicht gibt. Vorhanden sind: 1.',
      'ziel-id-passt-zur-dimension governance/ziele/1.2-synergien.yaml:4:12 Ziel „1.2“ gehört nach seiner Nummer zur Dimension „1“, angegeben ist „9“.',
      'fokus-hoechster-wert-einmal governance/ziele/1.2-synergien.yaml:18:1 Ziel „1.2“: der höchste Fokuswert 2 kommt 2-mal vor (Finanzen, Prozesse); er wird je Ziel nur einmal vergeben, damit das Ziel einen klaren Fokus hat. Grundlage: die Leitlinie des Verbunds.',
    ]);
    expect(result.acknowledged).toEqual([]);
    expect(loadChecked(memorySourceOf(BASE, files), { validators, today: TODAY }).ok).toBe(false);
  });

  it('an exception that matches nothing is a warning, not an error', () => {
    const result = run({ 'governance/ausnahmen/ausnahmen.yaml': exceptions });
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => `${f.severity} ${f.rule} ${f.line}:${f.column}`)).toEqual(['warning ausnahme-ohne-befund 5:17']);
  });
});
