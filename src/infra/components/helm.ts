import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import type { Chart } from '../design';

/**
 * A Helm release of a pinned chart. helm.v3.Release, because charts with hooks (Velero's CRD
 * upgrade job, for one) do not work with helm.v4.Chart; atomic, so a failed upgrade rolls back.
 */
export function helmRelease(
  name: string,
  args: { release: string; namespace: pulumi.Input<string>; chart: Chart; values: Record<string, unknown> },
  opts: pulumi.CustomResourceOptions,
): k8s.helm.v3.Release {
  // Helm takes an OCI chart as one reference, a classic repository as repo plus chart name.
  const oci = args.chart.repository.startsWith('oci://');
  return new k8s.helm.v3.Release(
    name,
    {
      name: args.release,
      namespace: args.namespace,
      chart: oci ? `${args.chart.repository.replace(/\/$/, '')}/${args.chart.chart}` : args.chart.chart,
      version: args.chart.version,
      ...(oci ? {} : { repositoryOpts: { repo: args.chart.repository } }),
      values: args.values,
      atomic: true,
      cleanupOnFail: true,
      maxHistory: 10,
    },
    opts,
  );
}
