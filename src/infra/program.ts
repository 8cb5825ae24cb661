import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { Backup, type BackupSecrets } from './components/backup';
import { Environment } from './components/environment';
import { ServiceInstance } from './components/service';
import type { StackDesign } from './design';

export interface StackOutputs {
  namespace: pulumi.Output<string>;
  dienste: string[];
  sicherungsziel: pulumi.Output<string>;
}

/**
 * The resources of one stack, from its design: an explicit Kubernetes provider for the
 * stack's cluster, the environment, one instance per service, and the backup. Called by the
 * Pulumi entry point (main.ts) and, under mocks, by `verbund plan`: one code path.
 */
export function stackProgram(design: StackDesign, secrets: BackupSecrets): StackOutputs {
  const provider = new k8s.Provider(`${design.stack}-cluster`, { context: design.settings.context, enableServerSideApply: true });
  const opts = { providers: [provider] };
  const environment = new Environment(design.stack, design, opts);
  const services = design.services.map(
    (service) =>
      new ServiceInstance(
        `${design.stack}-${service.id}`,
        { design: service, namespace: environment.namespace, cluster: design.settings },
        { ...opts, dependsOn: [environment] },
      ),
  );
  const backup = new Backup(`${design.stack}-sicherung`, { design: design.backup, secrets, after: [environment] }, opts);
  return { namespace: environment.namespace, dienste: services.map((_, i) => design.services[i]!.id), sicherungsziel: backup.target };
}
