import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { StackDesign } from '../design';
import { LABELS, MANAGED_BY } from '../names';

/**
 * Defaults for containers that name no requests or limits: a quota admits only pods that
 * request resources, so without them a chart's helper containers could not start. Small on
 * purpose; every chart sets its main containers' resources itself.
 */
export const CONTAINER_DEFAULTS = {
  defaultRequest: { cpu: '50m', memory: '64Mi' },
  default: { cpu: '500m', memory: '512Mi' },
} as const;

/**
 * CPU and memory of the quota: twice what the services request. A rolling update starts the
 * new pods before the old ones stop, and chart hook jobs run beside them; with exactly the
 * requests, an upgrade would be refused and (atomic) rolled back. Storage does not surge.
 */
export const QUOTA_HEADROOM = 2;

/** The namespace's labels: stack, member, cost centre and site. */
export function namespaceLabels(design: StackDesign): Record<string, string> {
  return {
    [LABELS.stack]: design.stack,
    [LABELS.mitglied]: design.mitglied,
    [LABELS.kostenstelle]: design.kostenstelle,
    [LABELS.standort]: design.standort,
    [LABELS.managedBy]: MANAGED_BY,
  };
}

/**
 * A member's environment (or the Verbund's): its namespace, labelled with member and cost
 * centre; a quota from what its services request (nothing without services, and never a
 * LoadBalancer); container defaults; and a network policy that denies everything, with DNS
 * as the only general allowance (each service adds its own).
 */
export class Environment extends pulumi.ComponentResource {
  readonly namespace: pulumi.Output<string>;

  constructor(name: string, design: StackDesign, opts?: pulumi.ComponentResourceOptions) {
    super('verbund:infrastruktur:Umgebung', name, {}, opts);
    const child = { parent: this };
    const labels = namespaceLabels(design);
    const ns = new k8s.core.v1.Namespace(`${name}-namespace`, { metadata: { name: design.namespace, labels } }, child);
    const inNamespace = (objectName: string) => ({ name: objectName, namespace: design.namespace, labels: { [LABELS.managedBy]: MANAGED_BY } });
    const after = { parent: this, dependsOn: [ns] };
    const q = design.quota;
    new k8s.core.v1.ResourceQuota(
      `${name}-kontingent`,
      {
        metadata: inNamespace('kontingent'),
        spec: {
          hard: {
            'requests.cpu': `${QUOTA_HEADROOM * q.cpuMilli}m`,
            'requests.memory': `${QUOTA_HEADROOM * q.arbeitsspeicherMiB}Mi`,
            'requests.storage': `${q.speicherGiB}Gi`,
            'services.loadbalancers': '0',
          },
        },
      },
      after,
    );
    new k8s.core.v1.LimitRange(
      `${name}-grenzen`,
      { metadata: inNamespace('grenzen'), spec: { limits: [{ type: 'Container', ...CONTAINER_DEFAULTS }] } },
      after,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-standard-verweigern`,
      { metadata: inNamespace('standard-verweigern'), spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
      after,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-erlaube-dns`,
      {
        metadata: inNamespace('erlaube-dns'),
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
              ports: [
                { port: 53, protocol: 'UDP' },
                { port: 53, protocol: 'TCP' },
              ],
            },
          ],
        },
      },
      after,
    );
    this.namespace = ns.metadata.name;
    this.registerOutputs({ namespace: this.namespace });
  }
}
