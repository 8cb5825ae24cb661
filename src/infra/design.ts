import { diensteImStack, sicherungsDienst, VERBUND_STACK, type WertePlatzhalter } from '../model/dienste';
import type { CheckedModel } from '../model/model';
import type { Dienst, StackEinstellungen } from '../model/types';
import { fillPlaceholders } from './placeholders';
import { keptLocation, namespaceOf, OWN_TARGET_CREDENTIALS, PARTNER_CREDENTIALS, partnerLocation, scheduleName } from './names';

/**
 * What one stack consists of, derived from the checked model alone: a pure function, so that
 * the Pulumi program only turns it into resources and tests can read it directly.
 */
export interface StackDesign {
  stack: string;
  /** The member (or verbund) the namespace belongs to. */
  mitglied: string;
  kostenstelle: string;
  standort: string;
  settings: ClusterSettings;
  namespace: string;
  /** Sum of the instances' requests: the namespace's quota (zero without services). */
  quota: Ressourcen;
  services: ServiceDesign[];
  backup: BackupDesign;
}

export interface ClusterSettings {
  context: string;
  domain: string;
  ingressKlasse: string;
  ingressNamespace: string;
  speicherKlasse: string;
  /** The Kubernetes API, for charts whose jobs talk to it. */
  apiServer?: { cidr: string; port: number };
}

export type Ressourcen = Dienst['ressourcen'];
export type Netzwerk = NonNullable<Dienst['netzwerk']>;

export interface Chart {
  repository: string;
  chart: string;
  version: string;
}

export interface ServiceDesign {
  id: string;
  /** Helm release name (the service's id) in the stack's namespace. */
  release: string;
  chart: Chart;
  values: Record<string, unknown>;
  netzwerk: Netzwerk;
  ressourcen: Ressourcen;
}

export interface LocationDesign {
  name: string;
  accessMode: 'ReadWrite' | 'ReadOnly';
  /** Whose backups the location holds, and the member at whose site it lies. */
  gesichert: string;
  partner: string;
  partnerStandort: string;
  bucket: string;
  prefix: string;
  endpunkt: string;
  region: string;
  credentials: { name: string; key: string };
}

export interface BackupDesign {
  tool: { release: string; chart: Chart; values: Record<string, unknown> };
  /** Where this stack's namespace is backed up: at the partner's site. */
  target: LocationDesign;
  /** Backups of other stacks kept at this member's site, registered read-only for restores. */
  kept: LocationDesign[];
  schedule: { name: string; namespace: string; cron: string; ttl: string };
}

const DEFAULT_SCHEDULE = { cron: '0 2 * * *', aufbewahrungTage: 30 };

/** The design of every stack with a configuration, in id order. */
export function designAll(model: CheckedModel): StackDesign[] {
  return model.stacks.map((s) => designStack(model, s.id));
}

/** The design of one stack. The check guarantees what is asserted here (partner, catalogue, settings). */
export function designStack(model: CheckedModel, stack: string): StackDesign {
  const config = model.stack(stack)?.config;
  if (!config) throw new Error(`Für den Stack „${stack}“ gibt es keine Konfiguration stacks/Pulumi.${stack}.yaml.`);
  const sicherung = model.sicherung;
  const member = stack === VERBUND_STACK ? undefined : model.mitglied(stack);
  const partner = member ? sicherung?.paare.find((p) => p.mitglied === stack)?.partner : sicherung?.verbund?.partner;
  if (!sicherung || !partner) throw new Error(`Für den Stack „${stack}“ ist kein Sicherungspartner vereinbart (governance/notfall/sicherung.yaml).`);
  const standort = member ? sicherung.standorte[stack] : sicherung.verbund!.standort;
  const settings = clusterSettings(config);
  const namespace = namespaceOf(stack);
  const services = diensteImStack(model, stack).map((d) =>
    serviceDesign(d, { ...placeholderValues(settings, namespace, stack), host: d.hostname ? `${d.hostname}.${settings.domain}` : '' }),
  );
  const zeitplan = sicherung.zeitplan ?? DEFAULT_SCHEDULE;
  return {
    stack,
    mitglied: stack,
    kostenstelle: member?.kostenstelle ?? stack,
    standort: standort ?? '',
    settings,
    namespace,
    quota: sum(services.map((s) => s.ressourcen)),
    services,
    backup: {
      tool: backupTool(model, settings, namespace, stack),
      target: location(model, { gesichert: stack, partner, accessMode: 'ReadWrite' }),
      kept: keptBy(model, stack).map((of) => location(model, { gesichert: of, partner: stack, accessMode: 'ReadOnly' })),
      schedule: { name: scheduleName(namespace), namespace, cron: zeitplan.cron, ttl: `${zeitplan.aufbewahrungTage * 24}h0m0s` },
    },
  };
}

function clusterSettings(config: StackEinstellungen): ClusterSettings {
  return {
    context: config['kubernetes:context'],
    domain: config['verbund-infrastruktur:domain'],
    ingressKlasse: config['verbund-infrastruktur:ingressKlasse'],
    ingressNamespace: config['verbund-infrastruktur:ingressNamespace'],
    speicherKlasse: config['verbund-infrastruktur:speicherKlasse'],
    ...(config['verbund-infrastruktur:apiServer'] ? { apiServer: { ...config['verbund-infrastruktur:apiServer'] } } : {}),
  };
}

function placeholderValues(settings: ClusterSettings, namespace: string, stack: string): Omit<Record<WertePlatzhalter, string>, 'host'> {
  return { domain: settings.domain, ingressKlasse: settings.ingressKlasse, speicherKlasse: settings.speicherKlasse, namespace, mitglied: stack };
}

function serviceDesign(d: Dienst, values: Record<WertePlatzhalter, string>): ServiceDesign {
  return {
    id: d.id,
    release: d.id,
    chart: { repository: d.helm.repository, chart: d.helm.chart, version: d.helm.version },
    values: fillPlaceholders(d.werte ?? {}, values),
    netzwerk: d.netzwerk ?? {},
    ressourcen: d.ressourcen,
  };
}

/**
 * Velero as the catalogue pins it, with what this project relies on set by the program:
 * file-system backup through Kopia (restic is deprecated) by the node agent, no volume
 * snapshots, no locations from the chart (the program creates them with their credentials).
 */
function backupTool(model: CheckedModel, settings: ClusterSettings, namespace: string, stack: string): BackupDesign['tool'] {
  const tool = sicherungsDienst(model);
  if (!tool) throw new Error('Der Servicekatalog nennt kein Sicherungswerkzeug (art: sicherung).');
  const own = fillPlaceholders(tool.werte ?? {}, { ...placeholderValues(settings, namespace, stack), host: '' });
  return {
    release: tool.id,
    chart: { repository: tool.helm.repository, chart: tool.helm.chart, version: tool.helm.version },
    values: {
      ...own,
      upgradeCRDs: true,
      deployNodeAgent: true,
      snapshotsEnabled: false,
      credentials: { useSecret: false },
      configuration: {
        ...((own.configuration as object | undefined) ?? {}),
        uploaderType: 'kopia',
        defaultVolumesToFsBackup: true,
        backupStorageLocation: [],
        volumeSnapshotLocation: [],
      },
    },
  };
}

/** The stacks that back up at `stack`'s site: members whose partner it is, and the Verbund stack. */
function keptBy(model: CheckedModel, stack: string): string[] {
  const sicherung = model.sicherung!;
  const ids = sicherung.paare.filter((p) => p.partner === stack && model.stack(p.mitglied)).map((p) => p.mitglied);
  if (sicherung.verbund?.partner === stack && model.stack(VERBUND_STACK)) ids.push(VERBUND_STACK);
  return ids.sort();
}

function location(model: CheckedModel, of: { gesichert: string; partner: string; accessMode: LocationDesign['accessMode'] }): LocationDesign {
  const target = model.stack(of.partner)?.config['verbund-infrastruktur:sicherungsziel'];
  if (!target) throw new Error(`Der Stack „${of.partner}“ nennt kein Sicherungsziel (verbund-infrastruktur:sicherungsziel).`);
  const writing = of.accessMode === 'ReadWrite';
  return {
    name: writing ? partnerLocation(of.partner) : keptLocation(of.gesichert),
    accessMode: of.accessMode,
    gesichert: of.gesichert,
    partner: of.partner,
    partnerStandort: model.sicherung!.standorte[of.partner] ?? '',
    bucket: target.bucket,
    prefix: of.gesichert,
    endpunkt: target.endpunkt,
    region: target.region,
    credentials: writing ? PARTNER_CREDENTIALS : OWN_TARGET_CREDENTIALS,
  };
}

function sum(list: Ressourcen[]): Ressourcen {
  return list.reduce(
    (a, b) => ({
      cpuMilli: a.cpuMilli + b.cpuMilli,
      arbeitsspeicherMiB: a.arbeitsspeicherMiB + b.arbeitsspeicherMiB,
      speicherGiB: a.speicherGiB + b.speicherGiB,
    }),
    {
      cpuMilli: 0,
      arbeitsspeicherMiB: 0,
      speicherGiB: 0,
    },
  );
}
