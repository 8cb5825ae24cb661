import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import type { BackupStorageLocationSpec, ScheduleSpec } from './types.generated';

type Metadata = k8s.types.input.meta.v1.ObjectMeta;

/**
 * Velero's custom resources with the types generated from their CRD schemas: a field Velero
 * does not know (or a misspelled one) fails at compile time, not in the cluster.
 */
export class BackupStorageLocation extends k8s.apiextensions.CustomResource {
  constructor(name: string, args: { metadata: Metadata; spec: BackupStorageLocationSpec }, opts?: pulumi.CustomResourceOptions) {
    super(name, { apiVersion: 'velero.io/v1', kind: 'BackupStorageLocation', ...args }, opts);
  }
}

export class Schedule extends k8s.apiextensions.CustomResource {
  constructor(name: string, args: { metadata: Metadata; spec: ScheduleSpec }, opts?: pulumi.CustomResourceOptions) {
    super(name, { apiVersion: 'velero.io/v1', kind: 'Schedule', ...args }, opts);
  }
}
