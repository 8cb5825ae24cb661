// `verbund plan --out`: one manifest per resource, validated against the Kubernetes schemas
// (kubernetes-models) and the stored Velero CRD schemas, Secret data never written, the
// folder written whole or not at all; and the JSON output against its contract.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderManifests, InvalidManifest } from '../../src/plan/manifests';
import type { StackPlan } from '../../src/plan/plan';
import { REPO, temporaryRoots, verbund } from '../support/cli';
import { edit, EXAMPLE_STACKS, exampleRepository, planAll } from './support';

const roots = temporaryRoots();
let plans: StackPlan[];
beforeAll(async () => {
  plans = await planAll();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-out-'));
  roots.push(dir);
  return path.join(dir, 'manifeste');
}

describe('verbund plan --out', () => {
  it('writes one validated manifest per resource of every stack, and no secret value anywhere', () => {
    const out = tempDir();
    const run = verbund('plan', '--out', out, '--format', 'json');
    expect(run.code).toBe(0);
    const files = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort();
    // One file per Kubernetes resource; the provider (the cluster connection) is no manifest.
    expect(files.length).toBe(plans.reduce((n, p) => n + p.resources.filter((r) => r.type.startsWith('kubernetes:')).length, 0));
    expect(run.stderr).toBe(`verbund: ${files.length} Manifeste nach ${out} geschrieben.\n`);
    expect(files.filter((f) => f.startsWith('gemeinde-eichwalde/'))).toEqual([
      'gemeinde-eichwalde/backupstoragelocation-velero-partner-landkreis-heideland.yaml',
      'gemeinde-eichwalde/limitrange-gemeinde-eichwalde-grenzen.yaml',
      'gemeinde-eichwalde/namespace-cluster-gemeinde-eichwalde.yaml',
      'gemeinde-eichwalde/namespace-cluster-velero.yaml',
      'gemeinde-eichwalde/networkpolicy-gemeinde-eichwalde-erlaube-dns.yaml',
      'gemeinde-eichwalde/networkpolicy-gemeinde-eichwalde-standard-verweigern.yaml',
      'gemeinde-eichwalde/release-velero-velero.yaml',
      'gemeinde-eichwalde/resourcequota-gemeinde-eichwalde-kontingent.yaml',
      'gemeinde-eichwalde/schedule-velero-gemeinde-eichwalde-taeglich.yaml',
      'gemeinde-eichwalde/secret-velero-sicherung-zugang.yaml',
      'gemeinde-eichwalde/secret-velero-velero-repo-credentials.yaml',
    ]);
    const secret = parse(fs.readFileSync(path.join(out, 'gemeinde-eichwalde/secret-velero-velero-repo-credentials.yaml'), 'utf8')) as Record<string, unknown>;
    expect(secret).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'velero-repo-credentials',
        namespace: 'velero',
        labels: { 'app.kubernetes.io/managed-by': 'verbund-gitops' },
        annotations: { 'verbund-gitops/verdeckt': 'Schlüssel ohne Werte: repository-password' },
      },
      type: 'Opaque',
    });
    for (const f of files) expect(fs.readFileSync(path.join(out, f), 'utf8'), f).not.toContain('[verdeckt]');
  });

  it('refuses a folder that is not empty, and leaves it as it was', () => {
    const out = tempDir();
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'eigen.txt'), 'bleibt');
    const run = verbund('plan', '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`verbund: Der Ordner „${out}“ ist nicht leer; plan --out schreibt nur in einen neuen oder leeren Ordner.\n`);
    expect(fs.readdirSync(out)).toEqual(['eigen.txt']);
  });

  it('rejects a manifest its schema rejects: a Velero field that does not exist, a wrong enum, a wrong Kubernetes type', () => {
    const bsl = plans[0]!.resources.find((r) => r.type.endsWith('BackupStorageLocation'))!;
    const policy = plans[0]!.resources.find((r) => r.type.endsWith('NetworkPolicy'))!;
    const spec = bsl.fields.spec as Record<string, unknown>;
    const broken = (fields: Record<string, unknown>, of = bsl) => [{ stack: 'x', cluster: 'c', resources: [{ ...of, fields: { ...of.fields, ...fields } }] }];
    expect(() => renderManifests(broken({ spec: { ...spec, acessMode: 'ReadOnly' } }))).toThrow(InvalidManifest);
    expect(() => renderManifests(broken({ spec: { ...spec, accessMode: 'Lesen' } }))).toThrow(
      /entspricht nicht dem CRD-Schema \(Meldung von Ajv, englisch: \/spec\/accessMode must be equal to one of the allowed values\)/,
    );
    expect(() => renderManifests(broken({ spec: { podSelector: {}, policyTypes: 'Ingress' } }, policy))).toThrow(/entspricht nicht dem Kubernetes-Schema/);
    expect(() => renderManifests(broken({ spec }))).not.toThrow();
  });
});

describe('verbund plan --format json', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'output', 'plan.schema.json'), 'utf8')) as object);

  it('matches its contract (schemas/output/plan.schema.json), with and without --base', () => {
    const out = JSON.parse(verbund('plan', '--format', 'json').stdout) as { stacks: { stack: string; resources: unknown[] }[] };
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.stacks.map((s) => s.stack)).toEqual(EXAMPLE_STACKS);
    expect(validate({ stacks: [{ stack: 'a', resources: [{ type: 'kubernetes:core/v1:Namespace', name: 'a', secret: 'x' }] }] })).toBe(false);
    // A changed cluster setting shows as the changed Helm value, old and new.
    const root = exampleRepository(roots);
    edit(root, 'stacks/Pulumi.gemeinde-birkenfelde.yaml', 'ingressKlasse: nginx', 'ingressKlasse: traefik');
    const withBase = JSON.parse(verbund('plan', '--root', root, '--base', 'HEAD', '--format', 'json').stdout) as {
      stacks: { stack: string; changes: { changed: object[] } }[];
    };
    expect(validate(withBase), JSON.stringify(validate.errors)).toBe(true);
    expect(withBase.stacks.find((x) => x.stack === 'gemeinde-birkenfelde')!.changes.changed).toEqual([
      {
        type: 'kubernetes:helm.sh/v3:Release',
        name: 'nextcloud',
        namespace: 'gemeinde-birkenfelde',
        fields: ['values.ingress.className'],
        values: [{ field: 'values.ingress.className', before: 'nginx', after: 'traefik' }],
      },
    ]);
  });

  it('is a usage error for an unknown stack or --stack with --all', () => {
    expect(verbund('plan', '--stack', 'gibt-es-nicht')).toMatchObject({ code: 2, stderr: expect.stringContaining('Den Stack „gibt-es-nicht“ gibt es nicht') });
    expect(verbund('plan', '--stack', 'verbund', '--all')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--stack und --all schließen einander aus.'),
    });
  });
});
