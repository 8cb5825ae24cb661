// The Pulumi entry point (Pulumi.yaml main) run under mocks as `pulumi up` would run it: it
// reads the same governance through the loader and the check, takes its secrets from the
// stack's config, and creates exactly the resources `verbund plan` shows.
import fs from 'node:fs';
import path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT, planStacks } from '../../src/plan/plan';
import { recordProgram } from '../../src/plan/record';
import { EXAMPLE } from '../fixture-cases';
import { temporaryRoots } from '../support/cli';
import { checkedModel, exampleRepository } from './support';

const SECRETS = {
  [`${PROJECT}:veleroRepoPasswort`]: 'ein-langes-eigenes-passwort-1234',
  [`${PROJECT}:sicherungZugang`]: '[default]\naws_access_key_id=AKIA\naws_secret_access_key=geheim\n',
  [`${PROJECT}:sicherungszielZugang`]: '[default]\naws_access_key_id=AKIB\naws_secret_access_key=geheim2\n',
};

/** Runs the entry point as Pulumi would: mocks and config first, then the program is imported and called. */
function runMain(stack: string, root: string, secrets: Record<string, string> = SECRETS) {
  return recordProgram(PROJECT, stack, async () => {
    pulumi.runtime.setAllConfig(secrets, Object.keys(secrets));
    const { default: main } = await import('../../src/infra/main.js');
    return main(root);
  });
}

describe('the Pulumi program (src/infra/main.ts)', () => {
  const roots = temporaryRoots();

  it('creates for every stack exactly the resources verbund plan lists', async () => {
    const model = checkedModel();
    const ids = model.stacks.map((s) => s.id);
    const plans = await planStacks(model, ids);
    for (const id of ids) {
      const recorded = await runMain(id, EXAMPLE);
      const fromProgram = recorded
        .filter((r) => r.custom && r.type.startsWith('kubernetes:'))
        .map((r) => {
          const metadata = r.inputs.metadata as { name?: string; namespace?: string } | undefined;
          return `${r.type} ${metadata?.namespace ?? String(r.inputs.namespace ?? '-')}/${String(metadata?.name ?? r.inputs.name ?? r.name)}`;
        })
        .sort();
      const fromPlan = plans
        .find((p) => p.stack === id)!
        .resources.map((r) => `${r.type} ${r.namespace ?? '-'}/${r.name}`)
        .sort();
      expect(fromProgram, id).toEqual(fromPlan);
      expect(recorded.find((r) => r.type === 'pulumi:providers:kubernetes')!.inputs.context, id).toBe(plans.find((p) => p.stack === id)!.cluster);
    }
  });

  it('parents every resource to its component and gives the components clear type tokens', async () => {
    const recorded = await runMain('stadt-musterstadt', EXAMPLE);
    const components = recorded.filter((r) => !r.custom).map((r) => `${r.type} ${r.name}`);
    expect(components).toEqual([
      'verbund:infrastruktur:Umgebung stadt-musterstadt',
      'verbund:infrastruktur:Sicherung stadt-musterstadt-sicherung',
      'verbund:infrastruktur:Dienst stadt-musterstadt-nextcloud',
    ]);
    const orphans = recorded.filter((r) => r.custom && r.type.startsWith('kubernetes:') && r.parent === undefined).map((r) => r.name);
    expect(orphans).toEqual([]);
  });

  it('puts the secrets from the stack config into Secrets, marked secret, and never into any other resource', async () => {
    const recorded = await runMain('stadt-musterstadt', EXAMPLE);
    const password = recorded.find(
      (r) => r.type === 'kubernetes:core/v1:Secret' && (r.inputs.metadata as { name: string }).name === 'velero-repo-credentials',
    )!;
    expect(password.inputs.stringData).toEqual({ 'repository-password': 'ein-langes-eigenes-passwort-1234' });
    expect(password.secretPaths).toEqual(['/stringData']);
    for (const r of recorded.filter((x) => x.type !== 'kubernetes:core/v1:Secret')) {
      const text = JSON.stringify(r.inputs);
      for (const value of ['ein-langes-eigenes-passwort-1234', 'geheim']) expect(text, r.name).not.toContain(value);
    }
  });

  it('requires the credentials for restores where other members keep their backups, and only there', async () => {
    const { [`${PROJECT}:sicherungszielZugang`]: _, ...withoutRestore } = SECRETS;
    await expect(runMain('stadt-musterstadt', EXAMPLE, withoutRestore)).rejects.toThrow('sicherungszielZugang');
    const recorded = await runMain('gemeinde-eichwalde', EXAMPLE, withoutRestore);
    const secrets = recorded.filter((r) => r.type === 'kubernetes:core/v1:Secret').map((r) => (r.inputs.metadata as { name: string }).name);
    expect(secrets.sort()).toEqual(['sicherung-zugang', 'velero-repo-credentials']);
  });

  it('refuses Velero’s default repository password', async () => {
    await expect(runMain('stadt-musterstadt', EXAMPLE, { ...SECRETS, [`${PROJECT}:veleroRepoPasswort`]: 'static-passw0rd' })).rejects.toThrow(
      'verbund-infrastruktur:veleroRepoPasswort ist Veleros Standardpasswort oder kürzer als 16 Zeichen',
    );
  });

  it('refuses to run on governance data with errors, naming them', async () => {
    const root = exampleRepository(roots);
    fs.appendFileSync(path.join(root, 'governance/mitglieder/gemeinde-eichwalde.yaml'), 'dienste: [gibt-es-nicht]\n');
    await expect(runMain('gemeinde-eichwalde', root)).rejects.toThrow(
      /Die Governance-Daten haben 1 Fehler; der Stack wird nicht ausgerollt[\s\S]*referenz-aufloesbar/,
    );
  });

  it('holds in the stack files only cluster settings and encrypted secrets', () => {
    for (const name of fs.readdirSync(path.join(EXAMPLE, 'stacks'))) {
      const config = (parse(fs.readFileSync(path.join(EXAMPLE, 'stacks', name), 'utf8')) as { config: Record<string, unknown> }).config;
      for (const [key, value] of Object.entries(config)) {
        if (/Passwort|Zugang/.test(key)) expect(Object.keys(value as object), `${name} ${key}`).toEqual(['secure']);
      }
    }
  });
});
