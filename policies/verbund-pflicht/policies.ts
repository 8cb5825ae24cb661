/**
 * The Verbund's mandatory rules for what a stack deploys (Pulumi CrossGuard). The policy
 * objects live here so that tests import them directly; index.ts only builds the pack, which
 * starts the policy server as soon as it is constructed.
 *
 * A Helm release is one resource to Pulumi: the objects its chart renders are not visible
 * here. So the rules on images, Services and Ingresses read the release's values as well as
 * the resources the program creates directly.
 */
import type { PolicyResource, ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { LABELS, VELERO_NAMESPACE } from '../../src/infra/names';

type Props = Record<string, unknown>;
const RELEASE = 'kubernetes:helm.sh/v3:Release';
const EXACT_VERSION = /^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$/;

/** Walks every object in a value, with its key path. */
function eachObject(value: unknown, visit: (object: Props, path: string[]) => void, path: string[] = []): void {
  if (Array.isArray(value)) value.forEach((item, i) => eachObject(item, visit, [...path, String(i)]));
  else if (typeof value === 'object' && value !== null) {
    visit(value as Props, path);
    for (const [key, item] of Object.entries(value)) eachObject(item, visit, [...path, key]);
  }
}

/** An image reference ("repo:tag" or "repo@sha256:…") with a fixed tag (not latest) or a digest. */
function pinnedReference(reference: string): boolean {
  if (/@sha256:[a-f0-9]{64}$/.test(reference)) return true;
  const tag = /:([A-Za-z0-9_][A-Za-z0-9._-]{0,127})$/.exec(reference.slice(reference.lastIndexOf('/') + 1))?.[1];
  return tag !== undefined && tag !== 'latest';
}

/** Every image in Helm values that is not pinned: `image: {tag, digest}` objects and `image: "repo:tag"` strings. */
export function unpinnedImages(values: unknown): string[] {
  const found: string[] = [];
  eachObject(values, (object, path) => {
    const image = object.image;
    const where = [...path, 'image'].join('.');
    if (typeof image === 'string' && !pinnedReference(image)) found.push(`${where} (${image})`);
    else if (typeof image === 'object' && image !== null) {
      const { tag, digest } = image as { tag?: unknown; digest?: unknown };
      const pinned = (typeof tag === 'string' && tag !== '' && tag !== 'latest') || (typeof digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(digest));
      if (!pinned) found.push(where);
    }
  });
  return found;
}

export const imagesFestgelegt: ResourceValidationPolicy = {
  name: 'images-festgelegt',
  description: 'Jedes Helm-Chart und jedes Image ist exakt festgelegt: Chart-Version ohne Bereich, Image mit Tag (nicht latest) oder Digest.',
  enforcementLevel: 'mandatory',
  validateResource: (args, report) => {
    if (args.type !== RELEASE) return;
    const version = String(args.props.version ?? '');
    if (!EXACT_VERSION.test(version)) report(`Das Chart „${String(args.props.chart)}“ ist nicht exakt festgelegt (Version „${version}“).`);
    for (const where of unpinnedImages(args.props.values)) report(`Image ohne festen Tag oder Digest: ${where}.`);
  },
};

export const keinLoadBalancer: ResourceValidationPolicy = {
  name: 'kein-loadbalancer',
  description: 'Kein Service vom Typ LoadBalancer: Dienste sind nur über den Ingress-Controller erreichbar.',
  enforcementLevel: 'mandatory',
  validateResource: (args, report) => {
    if (args.type === 'kubernetes:core/v1:Service' && (args.props.spec as Props | undefined)?.type === 'LoadBalancer') report('Service vom Typ LoadBalancer.');
    if (args.type !== RELEASE) return;
    eachObject(args.props.values, (object, path) => {
      if (object.type === 'LoadBalancer' && path.some((p) => /service/i.test(p))) report(`Helm-Wert ${[...path, 'type'].join('.')}: LoadBalancer.`);
    });
  },
};

export const ingressMitTls: ResourceValidationPolicy = {
  name: 'ingress-mit-tls',
  description: 'Kein Ingress ohne TLS.',
  enforcementLevel: 'mandatory',
  validateResource: (args, report) => {
    if (args.type === 'kubernetes:networking.k8s.io/v1:Ingress' && !hasItems((args.props.spec as Props | undefined)?.tls)) report('Ingress ohne TLS.');
    if (args.type !== RELEASE) return;
    eachObject(args.props.values, (object, path) => {
      const ingress = object.ingress as Props | undefined;
      if (typeof ingress !== 'object' || ingress === null || ingress.enabled === false) return;
      const exposes = ingress.enabled === true || 'host' in ingress || 'hosts' in ingress;
      if (exposes && !hasItems(ingress.tls) && ingress.tlsEnabled !== true) report(`Helm-Wert ${[...path, 'ingress'].join('.')}: Ingress ohne TLS.`);
    });
  },
};

/** Keys whose string value is a secret; references (secretName, existingSecret) are names, not secrets. */
const SECRET_KEY = /(passwor[dt]|token|api[-_]?key|secret[-_]?key|access[-_]?key|^secret)$/i;

export const keineKlartextGeheimnisse: ResourceValidationPolicy = {
  name: 'keine-klartext-geheimnisse',
  description: 'Geheimnisse stehen nur in Kubernetes-Secrets (aus Pulumi-Config-Secrets), nie im Klartext in anderen Ressourcen oder Helm-Werten.',
  enforcementLevel: 'mandatory',
  validateResource: (args, report) => {
    if (args.type === 'kubernetes:core/v1:Secret') return;
    eachObject(args.props, (object, path) => {
      for (const [key, value] of Object.entries(object)) {
        if (SECRET_KEY.test(key) && typeof value === 'string' && value !== '')
          report(`Klartext-Geheimnis in ${[...path, key].join('.')}; bitte als Secret übergeben.`);
      }
    });
  },
};

/** What the stack rule reads of a resource: its type and inputs. */
type Resource = Pick<PolicyResource, 'type' | 'props'>;
const meta = (r: Resource) => (r.props.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string> };

/** The findings of the member-namespace rule for a stack's resources (pure, for tests). */
export function namespaceFindings(resources: readonly Resource[]): string[] {
  const findings: string[] = [];
  const inNs = (ns: string, type: string) => resources.filter((r) => r.type === type && meta(r).namespace === ns);
  const locations = resources.filter((r) => r.type === 'kubernetes:velero.io/v1:BackupStorageLocation' && meta(r).namespace === VELERO_NAMESPACE);
  const schedules = resources.filter((r) => r.type === 'kubernetes:velero.io/v1:Schedule' && meta(r).namespace === VELERO_NAMESPACE);
  for (const ns of resources.filter((r) => r.type === 'kubernetes:core/v1:Namespace' && meta(r).labels?.[LABELS.mitglied] !== undefined)) {
    const { name = '', labels = {} } = meta(ns);
    const member = labels[LABELS.mitglied]!;
    if (inNs(name, 'kubernetes:core/v1:ResourceQuota').length === 0) findings.push(`Namespace „${name}“ hat kein Kontingent (ResourceQuota).`);
    if (inNs(name, 'kubernetes:core/v1:LimitRange').length === 0) findings.push(`Namespace „${name}“ hat keine LimitRange.`);
    const denies = inNs(name, 'kubernetes:networking.k8s.io/v1:NetworkPolicy').some((p) => isDefaultDeny(p.props.spec as Props | undefined));
    if (!denies) findings.push(`Namespace „${name}“ hat keine Netzwerkregel, die standardmäßig alles verweigert.`);
    const backedUp = schedules.some((s) => {
      const template = ((s.props.spec as Props | undefined)?.template ?? {}) as { includedNamespaces?: string[]; storageLocation?: string };
      if (!(template.includedNamespaces ?? []).includes(name)) return false;
      const target = locations.find((l) => meta(l).name === template.storageLocation);
      const spec = (target?.props.spec ?? {}) as { accessMode?: string };
      const at = meta(target ?? { type: '', props: {} }).labels ?? {};
      return target !== undefined && spec.accessMode !== 'ReadOnly' && at[LABELS.partner] !== member && at[LABELS.standort] !== labels[LABELS.standort];
    });
    if (!backedUp)
      findings.push(`Namespace „${name}“ wird nicht am Standort eines anderen Mitglieds gesichert (Velero-Schedule auf einen Speicherort des Partners).`);
  }
  return findings;
}

function isDefaultDeny(spec: Props | undefined): boolean {
  if (!spec) return false;
  const types = (spec.policyTypes ?? []) as string[];
  const selectsAll = Object.keys((spec.podSelector ?? {}) as object).length === 0;
  return selectsAll && types.includes('Ingress') && types.includes('Egress') && !hasItems(spec.ingress) && !hasItems(spec.egress);
}

function hasItems(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

export const mitgliedsNamespaceVollstaendig: StackValidationPolicy = {
  name: 'mitglieds-namespace-vollstaendig',
  description:
    'Jeder Namespace eines Mitglieds hat Kontingent, LimitRange, eine Standard-verweigern-Netzwerkregel und eine Sicherung am Standort eines anderen Mitglieds.',
  enforcementLevel: 'mandatory',
  validateStack: (args, report: ReportViolation) => {
    for (const finding of namespaceFindings(args.resources)) report(finding);
  },
};

export const policies = [mitgliedsNamespaceVollstaendig, imagesFestgelegt, keinLoadBalancer, ingressMitTls, keineKlartextGeheimnisse];
