// The policy pack's functions (policies/verbund-pflicht/policies.ts), imported directly: each
// with passing and failing resources, and at stack level on the resources recorded from a
// mocked run of the real program.
import type { ResourceValidationArgs, StackValidationArgs } from '@pulumi/policy';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  imagesFestgelegt,
  ingressMitTls,
  keineKlartextGeheimnisse,
  keinLoadBalancer,
  mitgliedsNamespaceVollstaendig,
  namespaceFindings,
  policies,
} from '../../policies/verbund-pflicht/policies';
import type { StackPlan } from '../../src/plan/plan';
import { planAll } from './support';

type Policy = typeof imagesFestgelegt;
const violations = (policy: Policy, type: string, props: Record<string, unknown>): string[] => {
  const found: string[] = [];
  const validate = policy.validateResource as (args: ResourceValidationArgs, report: (m: string) => void) => void;
  validate({ type, props, name: 'x', urn: 'urn:x' } as ResourceValidationArgs, (m) => found.push(m));
  return found;
};
const RELEASE = 'kubernetes:helm.sh/v3:Release';
const release = (values: Record<string, unknown>, version = '1.2.3') => ({ chart: 'c', version, values });

let plans: StackPlan[];
beforeAll(async () => {
  plans = await planAll();
});
const resourcesOf = (stack: string) => plans.find((p) => p.stack === stack)!.resources.map((r) => ({ type: r.type, props: r.fields }));

describe('resource policies', () => {
  it('images-festgelegt: exact chart versions, images with a tag (not latest) or a digest', () => {
    expect(violations(imagesFestgelegt, RELEASE, release({ image: { tag: '33.0.4-apache' }, init: [{ image: 'velero/plugin:v1.13.0' }] }))).toEqual([]);
    expect(violations(imagesFestgelegt, RELEASE, release({ image: { repository: 'x', digest: `sha256:${'a'.repeat(64)}` } }))).toEqual([]);
    expect(
      violations(imagesFestgelegt, RELEASE, release({ image: { tag: 'latest' }, web: { image: { repository: 'w' } }, init: [{ image: 'plugin' }] }, '^1.2')),
    ).toEqual([
      'Das Chart „c“ ist nicht exakt festgelegt (Version „^1.2“).',
      'Image ohne festen Tag oder Digest: image.',
      'Image ohne festen Tag oder Digest: web.image.',
      'Image ohne festen Tag oder Digest: init.0.image (plugin).',
    ]);
    expect(violations(imagesFestgelegt, RELEASE, release({ image: 'registry.example:5000/app:latest' }))).toEqual([
      'Image ohne festen Tag oder Digest: image (registry.example:5000/app:latest).',
    ]);
  });

  it('kein-loadbalancer: no Service of type LoadBalancer, in resources or in chart values', () => {
    expect(violations(keinLoadBalancer, 'kubernetes:core/v1:Service', { spec: { type: 'ClusterIP' } })).toEqual([]);
    expect(violations(keinLoadBalancer, 'kubernetes:core/v1:Service', { spec: { type: 'LoadBalancer' } })).toEqual(['Service vom Typ LoadBalancer.']);
    expect(violations(keinLoadBalancer, RELEASE, release({ jvb: { service: { type: 'NodePort' } } }))).toEqual([]);
    expect(violations(keinLoadBalancer, RELEASE, release({ jvb: { service: { type: 'LoadBalancer' } } }))).toEqual([
      'Helm-Wert jvb.service.type: LoadBalancer.',
    ]);
  });

  it('ingress-mit-tls: no Ingress without TLS, in resources or in chart values', () => {
    expect(violations(ingressMitTls, 'kubernetes:networking.k8s.io/v1:Ingress', { spec: { tls: [{ hosts: ['a.example'] }] } })).toEqual([]);
    expect(violations(ingressMitTls, 'kubernetes:networking.k8s.io/v1:Ingress', { spec: { rules: [] } })).toEqual(['Ingress ohne TLS.']);
    expect(
      violations(
        ingressMitTls,
        RELEASE,
        release({
          ingress: { enabled: true, tls: [{ hosts: ['a'] }] },
          web: { ingress: { enabled: false } },
          ess: { ingress: { tlsEnabled: true, className: 'x' } },
        }),
      ),
    ).toEqual([]);
    expect(violations(ingressMitTls, RELEASE, release({ web: { ingress: { enabled: true, hosts: ['a'] } } }))).toEqual([
      'Helm-Wert web.ingress: Ingress ohne TLS.',
    ]);
  });

  it('keine-klartext-geheimnisse: no secret value outside a Secret; names of secrets are fine', () => {
    expect(
      violations(keineKlartextGeheimnisse, RELEASE, release({ existingSecret: 'db', tls: [{ secretName: 'x-tls' }], credential: { name: 'a', key: 'cloud' } })),
    ).toEqual([]);
    expect(violations(keineKlartextGeheimnisse, 'kubernetes:core/v1:Secret', { stringData: { password: 'geheim' } })).toEqual([]);
    expect(violations(keineKlartextGeheimnisse, RELEASE, release({ nextcloud: { password: 'geheim', apiToken: 't' }, s3: { secretKey: 'k' } }))).toEqual([
      'Klartext-Geheimnis in values.nextcloud.password; bitte als Secret übergeben.',
      'Klartext-Geheimnis in values.nextcloud.apiToken; bitte als Secret übergeben.',
      'Klartext-Geheimnis in values.s3.secretKey; bitte als Secret übergeben.',
    ]);
  });

  it('pass on every resource the program creates for the example Verbund', () => {
    for (const plan of plans) {
      for (const r of plan.resources) {
        for (const policy of [imagesFestgelegt, keinLoadBalancer, ingressMitTls, keineKlartextGeheimnisse]) {
          expect(violations(policy, r.type, r.fields), `${plan.stack} ${r.type} ${r.name} ${policy.name}`).toEqual([]);
        }
      }
    }
  });
});

describe('mitglieds-namespace-vollstaendig (stack policy)', () => {
  const run = (resources: { type: string; props: Record<string, unknown> }[]) => {
    const found: string[] = [];
    const validate = mitgliedsNamespaceVollstaendig.validateStack as (args: StackValidationArgs, report: (m: string) => void) => void;
    validate({ resources } as unknown as StackValidationArgs, (m) => found.push(m));
    return found;
  };

  it('holds for every stack of the example Verbund, as the program records it', () => {
    for (const plan of plans) expect(run(resourcesOf(plan.stack)), plan.stack).toEqual([]);
  });

  it('reports a member namespace without quota, limits, default-deny policy or backup', () => {
    const resources = resourcesOf('gemeinde-eichwalde').filter(
      (r) =>
        !['kubernetes:core/v1:ResourceQuota', 'kubernetes:core/v1:LimitRange', 'kubernetes:velero.io/v1:Schedule'].includes(r.type) &&
        (r.props.metadata as { name?: string } | undefined)?.name !== 'standard-verweigern',
    );
    expect(namespaceFindings(resources)).toEqual([
      'Namespace „gemeinde-eichwalde“ hat kein Kontingent (ResourceQuota).',
      'Namespace „gemeinde-eichwalde“ hat keine LimitRange.',
      'Namespace „gemeinde-eichwalde“ hat keine Netzwerkregel, die standardmäßig alles verweigert.',
      'Namespace „gemeinde-eichwalde“ wird nicht am Standort eines anderen Mitglieds gesichert (Velero-Schedule auf einen Speicherort des Partners).',
    ]);
  });

  it('does not count a backup to a read-only location or to a location at the member’s own site', () => {
    const withLocation = (change: (spec: Record<string, unknown>, labels: Record<string, string>) => void) =>
      resourcesOf('gemeinde-eichwalde').map((r) => {
        if (!r.type.endsWith('BackupStorageLocation')) return r;
        const copy = structuredClone(r);
        change(copy.props.spec as Record<string, unknown>, (copy.props.metadata as { labels: Record<string, string> }).labels);
        return copy;
      });
    const message =
      'Namespace „gemeinde-eichwalde“ wird nicht am Standort eines anderen Mitglieds gesichert (Velero-Schedule auf einen Speicherort des Partners).';
    expect(run(withLocation((spec) => (spec.accessMode = 'ReadOnly')))).toEqual([message]);
    expect(run(withLocation((_, labels) => (labels['verbund-gitops/standort'] = 'rz-rathaus-musterstadt')))).toEqual([message]);
    expect(run(withLocation((_, labels) => (labels['verbund-gitops/partner'] = 'gemeinde-eichwalde')))).toEqual([message]);
  });

  it('is part of the pack, with every policy mandatory', () => {
    expect(policies.map((p) => [p.name, p.enforcementLevel])).toEqual([
      ['mitglieds-namespace-vollstaendig', 'mandatory'],
      ['images-festgelegt', 'mandatory'],
      ['kein-loadbalancer', 'mandatory'],
      ['ingress-mit-tls', 'mandatory'],
      ['keine-klartext-geheimnisse', 'mandatory'],
    ]);
  });
});
