// src/model/schema-types.generated.ts is generated from the schemas and committed; it must never
// drift from them. The type tests below run in `npm run typecheck` (tsc reads this file too).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Kind } from '../schema/kinds';
import type { Ausnahme, Gremium, KindData, Mitglied, Offen, Verbund, Ziel } from './types';

const REPO = path.join(__dirname, '..', '..');
const { generateTypes, OUT } = createRequire(__filename)(path.join(REPO, 'scripts', 'gen-types.js')) as {
  generateTypes: (schemaDir?: string) => Promise<string>;
  OUT: string;
};

describe('schema-types.generated.ts', () => {
  it('is up to date with schemas/governance (npm run types)', async () => {
    const committed = fs.readFileSync(OUT, 'utf8');
    const generated = await generateTypes(path.join(REPO, 'schemas', 'governance'));
    expect(committed, 'src/model/schema-types.generated.ts is out of date: run `npm run types`').toBe(generated);
  }, 30_000);

  it('has an index signature only where a schema allows further keys', () => {
    // Every other object schema says additionalProperties: false and must give a closed interface.
    const source = fs.readFileSync(OUT, 'utf8');
    // freigaberegeln: gruppen by id; pruefregeln: schweregrade and grundlagen by rule id; sicherung: standorte by member; ziel: fokus by perspective;
    // dienst: werte, the Helm values of a chart, which only the chart defines, the pod labels of netzwerk.pods; stack: pulumi:tags; kostenschluessel: anteile by member; mitglied: plaetze by service.
    expect(source.match(/\[k: string\]: [^;{]*[;{]/g)).toEqual([
      '[k: string]: unknown;',
      '[k: string]: string;',
      '[k: string]: {',
      '[k: string]: Bruch;',
      '[k: string]: {',
      "[k: string]: 'fehler' | 'warnung' | 'aus';",
      '[k: string]: string;',
      '[k: string]: string;',
      '[k: string]: string;',
      '[k: string]: number;',
    ]);
    expect(source).not.toMatch(/\bany\b/);
    expect(source.match(/\bunknown\b/g)).toHaveLength(1);
  });
});

// Type tests: checked by tsc, nothing to run.
export function typeTests(ziel: Ziel, mitglied: Mitglied, gremium: Gremium, ausnahme: Ausnahme): void {
  expectTypeOf<keyof KindData>().toEqualTypeOf<Kind>();
  // Values or open become unions with Offen; optional in the schema is optional in the type.
  expectTypeOf(ziel.massnahmen).toExtend<Offen | readonly unknown[]>();
  expectTypeOf(mitglied.hvb).toExtend<object | undefined>();
  expectTypeOf<undefined>().toExtend<Mitglied['hvb']>();
  expectTypeOf<Gremium['zusammensetzung']>().toExtend<Offen | readonly { mitglieder: 'alle' | readonly string[] }[]>();

  // Closed objects: a key the schema does not know is an error.
  // @ts-expect-error additionalProperties: false
  const verbund: Verbund = { id: 'v', name: 'V', unbekannt: 1 };
  // @ts-expect-error additionalProperties: false, also nested
  const offen: Offen = { offen: 'x', grund: 'y' };

  // The model is deeply read-only.
  // @ts-expect-error read-only property
  ziel.titel = 'x';
  // @ts-expect-error read-only array
  ziel.meilensteine.push(ziel.meilensteine[0]);
  // @ts-expect-error read-only nested property
  ziel.aufgabenteilung.gemeinsam = 'x';
  // @ts-expect-error read-only index signature
  ziel.fokus['finanzen'] = 1;
  // @ts-expect-error read-only property of an array element
  ausnahme.regel = 'x';
  if (mitglied.hvb) {
    // @ts-expect-error read-only nested property
    mitglied.hvb.amt = 'x';
  }
  // @ts-expect-error read-only array
  gremium.vorlageAn.sort();
  void verbund;
  void offen;
}
