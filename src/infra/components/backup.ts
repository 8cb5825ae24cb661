import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { BackupDesign, LocationDesign } from '../design';
import { LABELS, MANAGED_BY, OWN_TARGET_CREDENTIALS, PARTNER_CREDENTIALS, VELERO_NAMESPACE, VELERO_REPO_SECRET } from '../names';
import { BackupStorageLocation, Schedule } from '../velero/resources';
import { helmRelease } from './helm';

/** The secrets a stack's backup needs; they come from Pulumi config secrets, never from YAML. */
export interface BackupSecrets {
  /** Velero's repository password: the partner keeps it in escrow to restore. */
  repoPassword: pulumi.Output<string>;
  /** Credentials (AWS credentials file) for writing at the partner's site. */
  partnerCredentials: pulumi.Output<string>;
  /** Credentials for reading the own site's storage, where partners' backups lie. */
  ownTargetCredentials?: pulumi.Output<string>;
}

/**
 * The Notfallkonzept's backup of one stack: Velero in its namespace with the repository
 * password set (never Velero's default), a read-write location at the partner's site, a
 * Schedule for the stack's namespace with file-system backup through Kopia, and read-only
 * locations for the backups other stacks keep at this site, so they can be restored here.
 */
export class Backup extends pulumi.ComponentResource {
  readonly target: pulumi.Output<string>;

  constructor(name: string, args: { design: BackupDesign; secrets: BackupSecrets; after: pulumi.Resource[] }, opts?: pulumi.ComponentResourceOptions) {
    super('verbund:infrastruktur:Sicherung', name, {}, opts);
    const { design, secrets } = args;
    const labels = { [LABELS.managedBy]: MANAGED_BY };
    // The node agent reads pod volumes from the host (hostPath): Pod Security must allow it here.
    const nsLabels = { ...labels, 'pod-security.kubernetes.io/enforce': 'privileged' };
    const ns = new k8s.core.v1.Namespace(`${name}-namespace`, { metadata: { name: VELERO_NAMESPACE, labels: nsLabels } }, { parent: this });
    const inVelero = { parent: this, dependsOn: [ns] };
    const secret = (suffix: string, ref: { name: string; key: string }, value: pulumi.Output<string>) =>
      new k8s.core.v1.Secret(
        `${name}-${suffix}`,
        { metadata: { name: ref.name, namespace: VELERO_NAMESPACE, labels }, type: 'Opaque', stringData: { [ref.key]: pulumi.secret(value) } },
        inVelero,
      );
    const secretsCreated = [
      secret('repo-passwort', VELERO_REPO_SECRET, secrets.repoPassword),
      secret('partner-zugang', PARTNER_CREDENTIALS, secrets.partnerCredentials),
      ...(design.kept.length > 0 && secrets.ownTargetCredentials ? [secret('ziel-zugang', OWN_TARGET_CREDENTIALS, secrets.ownTargetCredentials)] : []),
    ];
    // The password Secret exists before Velero starts, or Velero would create it with its default.
    const velero = helmRelease(
      `${name}-velero`,
      { release: design.tool.release, namespace: VELERO_NAMESPACE, chart: design.tool.chart, values: design.tool.values },
      { parent: this, dependsOn: [...secretsCreated, ...args.after] },
    );
    const afterVelero = { parent: this, dependsOn: [velero] };
    const target = location(`${name}-ziel`, design.target, afterVelero);
    for (const kept of design.kept) location(`${name}-${kept.name}`, kept, afterVelero);
    new Schedule(
      `${name}-zeitplan`,
      {
        metadata: { name: design.schedule.name, namespace: VELERO_NAMESPACE, labels },
        spec: {
          schedule: design.schedule.cron,
          useOwnerReferencesInBackup: false,
          template: {
            includedNamespaces: [design.schedule.namespace],
            storageLocation: design.target.name,
            defaultVolumesToFsBackup: true,
            snapshotVolumes: false,
            ttl: design.schedule.ttl,
          },
        },
      },
      { parent: this, dependsOn: [target] },
    );
    this.target = pulumi.output(design.target.name);
    this.registerOutputs({ target: this.target });
  }
}

function location(name: string, design: LocationDesign, opts: pulumi.CustomResourceOptions): BackupStorageLocation {
  return new BackupStorageLocation(
    name,
    {
      metadata: {
        name: design.name,
        namespace: VELERO_NAMESPACE,
        labels: {
          [LABELS.managedBy]: MANAGED_BY,
          [LABELS.gesichert]: design.gesichert,
          [LABELS.partner]: design.partner,
          [LABELS.standort]: design.partnerStandort,
        },
      },
      spec: {
        provider: 'aws',
        accessMode: design.accessMode,
        objectStorage: { bucket: design.bucket, prefix: design.prefix },
        config: { region: design.region, s3ForcePathStyle: 'true', s3Url: design.endpunkt },
        credential: { name: design.credentials.name, key: design.credentials.key },
      },
    },
    opts,
  );
}
