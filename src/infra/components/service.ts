import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { ClusterSettings, ServiceDesign } from '../design';
import { LABELS, MANAGED_BY } from '../names';
import { helmRelease } from './helm';

type NetworkPolicySpec = k8s.types.input.networking.v1.NetworkPolicySpec;
type Rule = NonNullable<ServiceDesign['netzwerk']['eingehend']>[number];

/** Addresses outside the cluster: everything but the private ranges (RFC 1918). */
const INTERNET = { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } };

/**
 * One instance of a shared service in a namespace: its Helm release and the network policy
 * that allows exactly what the catalogue says it needs, besides traffic between its own pods.
 */
export class ServiceInstance extends pulumi.ComponentResource {
  readonly release: pulumi.Output<string>;

  constructor(
    name: string,
    args: { design: ServiceDesign; namespace: pulumi.Input<string>; cluster: ClusterSettings },
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('verbund:infrastruktur:Dienst', name, {}, opts);
    const { design } = args;
    const release = helmRelease(
      `${name}-release`,
      { release: design.release, namespace: args.namespace, chart: design.chart, values: design.values },
      { parent: this },
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-netz`,
      {
        metadata: { name: `erlaube-${design.id}`, namespace: args.namespace, labels: { [LABELS.managedBy]: MANAGED_BY } },
        spec: networkPolicySpec(design, args.cluster),
      },
      { parent: this },
    );
    this.release = release.name;
    this.registerOutputs({ release: this.release });
  }
}

/** The allowances of one service: its own pods with each other, plus what the catalogue lists. */
export function networkPolicySpec(design: ServiceDesign, cluster: ClusterSettings): NetworkPolicySpec {
  const own = { podSelector: { matchLabels: { ...(design.netzwerk.pods ?? { [LABELS.instance]: design.release }) } } };
  const port = (r: Pick<Rule, 'port' | 'protokoll'>) => ({ port: r.port, protocol: r.protokoll });
  const fromIngress = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': cluster.ingressNamespace } } };
  const api =
    design.netzwerk.kubernetesApi && cluster.apiServer
      ? [{ to: [{ ipBlock: { cidr: cluster.apiServer.cidr } }], ports: [{ port: cluster.apiServer.port, protocol: 'TCP' }] }]
      : [];
  return {
    podSelector: own.podSelector,
    policyTypes: ['Ingress', 'Egress'],
    ingress: [
      { from: [own] },
      ...(design.netzwerk.eingehend ?? []).map((r) => ({ from: [r.von === 'ingress' ? fromIngress : { ipBlock: { cidr: '0.0.0.0/0' } }], ports: [port(r)] })),
    ],
    egress: [{ to: [own] }, ...(design.netzwerk.ausgehend ?? []).map((r) => ({ to: [INTERNET], ports: [port(r)] })), ...api],
  };
}
