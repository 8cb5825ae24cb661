// The Pulumi program under mocks, through `planStacks` (the library) and `verbund plan` (the
// CLI), on the example Verbund: what each stack gets, where its backup goes, and what an
// opt-out removes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlannedResource, StackPlan } from '../../src/plan/plan';
import { temporaryRoots, verbund } from '../support/cli';
import { edit, exampleRepository, planAll } from './support';

const place = (r: PlannedResource) => `${r.type} ${r.namespace ?? '-'}/${r.name}`;
const find = (plan: StackPlan, type: string, name: string) => plan.resources.find((r) => r.type.endsWith(type) && r.name === name)!;

let plans: StackPlan[];
beforeAll(async () => {
  plans = await planAll();
});
const stack = (id: string) => plans.find((p) => p.stack === id)!;

describe('a member that takes part in nothing (gemeinde-eichwalde)', () => {
  it('gets exactly its namespace, quota, limits, network policies and backup', () => {
    expect(stack('gemeinde-eichwalde').cluster).toBe('rz-rathaus-musterstadt-gemeinde-eichwalde');
    expect(stack('gemeinde-eichwalde').resources.map(place)).toEqual([
      'kubernetes:core/v1:LimitRange gemeinde-eichwalde/grenzen',
      'kubernetes:core/v1:Namespace -/gemeinde-eichwalde',
      'kubernetes:core/v1:Namespace -/velero',
      'kubernetes:core/v1:ResourceQuota gemeinde-eichwalde/kontingent',
      'kubernetes:core/v1:Secret velero/sicherung-zugang',
      'kubernetes:core/v1:Secret velero/velero-repo-credentials',
      'kubernetes:helm.sh/v3:Release velero/velero',
      'kubernetes:networking.k8s.io/v1:NetworkPolicy gemeinde-eichwalde/erlaube-dns',
      'kubernetes:networking.k8s.io/v1:NetworkPolicy gemeinde-eichwalde/standard-verweigern',
      'kubernetes:velero.io/v1:BackupStorageLocation velero/partner-landkreis-heideland',
      'kubernetes:velero.io/v1:Schedule velero/gemeinde-eichwalde-taeglich',
    ]);
  });

  it('lets the Velero node agent read pod volumes: Pod Security privileged on the velero namespace only', () => {
    expect((find(stack('gemeinde-eichwalde'), 'Namespace', 'velero').fields.metadata as { labels: object }).labels).toEqual({
      'app.kubernetes.io/managed-by': 'verbund-gitops',
      'pod-security.kubernetes.io/enforce': 'privileged',
    });
  });

  it('labels its namespace with member, cost centre and site, and its quota admits nothing', () => {
    const plan = stack('gemeinde-eichwalde');
    expect((find(plan, 'Namespace', 'gemeinde-eichwalde').fields.metadata as { labels: object }).labels).toEqual({
      'app.kubernetes.io/managed-by': 'verbund-gitops',
      'verbund-gitops/kostenstelle': 'gemeinde-eichwalde',
      'verbund-gitops/mitglied': 'gemeinde-eichwalde',
      'verbund-gitops/stack': 'gemeinde-eichwalde',
      'verbund-gitops/standort': 'rz-rathaus-musterstadt',
    });
    expect(find(plan, 'ResourceQuota', 'kontingent').fields.spec).toEqual({
      hard: { 'requests.cpu': '0m', 'requests.memory': '0Mi', 'requests.storage': '0Gi', 'services.loadbalancers': '0' },
    });
    expect(find(plan, 'NetworkPolicy', 'standard-verweigern').fields.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });
});

describe('backup at the partner’s site', () => {
  it('writes the member’s namespace with Kopia to the partner’s storage, under its own prefix', () => {
    const plan = stack('gemeinde-eichwalde');
    expect(find(plan, 'BackupStorageLocation', 'partner-landkreis-heideland').fields.spec).toEqual({
      provider: 'aws',
      accessMode: 'ReadWrite',
      objectStorage: { bucket: 'velero-landkreis-heideland', prefix: 'gemeinde-eichwalde' },
      config: { region: 'rz-kreishaus', s3ForcePathStyle: 'true', s3Url: 'https://s3.rz-kreishaus.heideland.example' },
      credential: { name: 'sicherung-zugang', key: 'cloud' },
    });
    expect(find(plan, 'Schedule', 'gemeinde-eichwalde-taeglich').fields.spec).toEqual({
      schedule: '0 2 * * *',
      useOwnerReferencesInBackup: false,
      template: {
        includedNamespaces: ['gemeinde-eichwalde'],
        storageLocation: 'partner-landkreis-heideland',
        defaultVolumesToFsBackup: true,
        snapshotVolumes: false,
        ttl: '720h0m0s',
      },
    });
    const values = find(plan, 'Release', 'velero').fields.values as { configuration: object; deployNodeAgent: boolean };
    expect(values.configuration).toMatchObject({ uploaderType: 'kopia', defaultVolumesToFsBackup: true, backupStorageLocation: [] });
    expect(values.deployNodeAgent).toBe(true);
  });

  it('is registered read-only by the partner, at the same bucket and prefix, so the partner can restore it', () => {
    const kept = find(stack('landkreis-heideland'), 'BackupStorageLocation', 'sicherung-von-gemeinde-eichwalde').fields.spec as Record<string, unknown>;
    const written = find(stack('gemeinde-eichwalde'), 'BackupStorageLocation', 'partner-landkreis-heideland').fields.spec as Record<string, unknown>;
    expect(kept.accessMode).toBe('ReadOnly');
    expect(kept.objectStorage).toEqual(written.objectStorage);
    expect(kept.config).toEqual(written.config);
    expect(kept.credential).toEqual({ name: 'sicherungsziel-zugang', key: 'cloud' });
    // The partner keeps exactly the backups of the members that back up at its site.
    expect(
      stack('landkreis-heideland')
        .resources.filter((r) => r.name.startsWith('sicherung-von-'))
        .map((r) => r.name),
    ).toEqual(['sicherung-von-gemeinde-eichwalde', 'sicherung-von-samtgemeinde-am-moorbach', 'sicherung-von-stadt-musterstadt']);
  });

  it('never shows a secret: the repository password and credentials are [verdeckt] and marked secret', () => {
    const secret = find(stack('gemeinde-eichwalde'), 'Secret', 'velero-repo-credentials');
    expect(secret.fields.stringData).toEqual({ 'repository-password': '[verdeckt]' });
    expect(secret.secretPaths).toEqual(['/stringData']);
  });
});

describe('services', () => {
  it('runs a service jeder für sich in each participating member’s namespace, with its network allowances', () => {
    const release = find(stack('stadt-musterstadt'), 'Release', 'nextcloud');
    expect(release.namespace).toBe('stadt-musterstadt');
    expect(release.fields).toMatchObject({ chart: 'nextcloud', version: '9.1.1', repositoryOpts: { repo: 'https://nextcloud.github.io/helm/' } });
    expect((release.fields.values as { nextcloud: object }).nextcloud).toEqual({ host: 'dateien.musterstadt.example' });
    const policy = find(stack('stadt-musterstadt'), 'NetworkPolicy', 'erlaube-nextcloud').fields.spec as { ingress: unknown[] };
    expect(policy.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'nextcloud' } } }] },
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 80, protocol: 'TCP' }] },
    ]);
  });

  it('runs the services einer für alle once, in the Verbund stack, and in no member stack', () => {
    const releases = (p: StackPlan) => p.resources.filter((r) => r.type.endsWith('Release')).map((r) => `${r.namespace}/${r.name}`);
    expect(releases(stack('verbund'))).toEqual(['velero/velero', 'verbund/element', 'verbund/jitsi', 'verbund/xwiki']);
    for (const p of plans.filter((x) => x.stack !== 'verbund')) expect(releases(p).filter((r) => /element|jitsi|xwiki/.test(r))).toEqual([]);
    expect(find(stack('verbund'), 'Release', 'element').fields.chart).toBe('oci://ghcr.io/element-hq/ess-helm/matrix-stack');
    expect(find(stack('verbund'), 'ResourceQuota', 'kontingent').fields.spec).toEqual({
      hard: { 'requests.cpu': '18000m', 'requests.memory': '28672Mi', 'requests.storage': '250Gi', 'services.loadbalancers': '0' },
    });
    // Element's pods carry the chart's own label, and its init job reaches the Kubernetes API.
    expect(find(stack('verbund'), 'NetworkPolicy', 'erlaube-element').fields.spec).toMatchObject({
      podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'matrix-stack' } },
      egress: [
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'matrix-stack' } } }] },
        { to: [{ ipBlock: { cidr: '10.40.0.1/32' } }], ports: [{ port: 6443, protocol: 'TCP' }] },
      ],
    });
  });
});

describe('verbund plan --base', () => {
  const roots = temporaryRoots();

  it('shows that opting a member out of a service removes exactly that service’s resources and shrinks its quota', () => {
    const root = exampleRepository(roots);
    edit(root, 'governance/mitglieder/gemeinde-birkenfelde.yaml', 'dienste: [element, nextcloud]', 'dienste: [element]');
    const run = verbund('plan', '--root', root, '--base', 'HEAD', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { base: string; stacks: { stack: string; changes: object }[] };
    expect(out.base).toBe('HEAD');
    const changes = Object.fromEntries(out.stacks.map((s) => [s.stack, s.changes]));
    expect(changes['gemeinde-birkenfelde']).toEqual({
      added: [],
      removed: [
        { type: 'kubernetes:helm.sh/v3:Release', name: 'nextcloud', namespace: 'gemeinde-birkenfelde' },
        { type: 'kubernetes:networking.k8s.io/v1:NetworkPolicy', name: 'erlaube-nextcloud', namespace: 'gemeinde-birkenfelde' },
      ],
      changed: [
        {
          type: 'kubernetes:core/v1:ResourceQuota',
          name: 'kontingent',
          namespace: 'gemeinde-birkenfelde',
          fields: ['spec.hard.requests.cpu', 'spec.hard.requests.memory', 'spec.hard.requests.storage'],
          values: [
            { field: 'spec.hard.requests.cpu', before: '4000m', after: '0m' },
            { field: 'spec.hard.requests.memory', before: '8192Mi', after: '0Mi' },
            { field: 'spec.hard.requests.storage', before: '120Gi', after: '0Gi' },
          ],
        },
      ],
    });
    for (const [id, c] of Object.entries(changes)) if (id !== 'gemeinde-birkenfelde') expect(c, id).toEqual({ added: [], removed: [], changed: [] });
    const text = verbund('plan', '--root', root, '--base', 'HEAD', '--stack', 'gemeinde-birkenfelde');
    expect(text.stdout).toBe(
      [
        'Stack gemeinde-birkenfelde: 0 hinzu, 2 entfernt, 1 geändert (gegenüber HEAD)',
        '  - kubernetes:helm.sh/v3:Release  gemeinde-birkenfelde/nextcloud',
        '  - kubernetes:networking.k8s.io/v1:NetworkPolicy  gemeinde-birkenfelde/erlaube-nextcloud',
        '  ~ kubernetes:core/v1:ResourceQuota  gemeinde-birkenfelde/kontingent: spec.hard.requests.cpu (4000m → 0m), spec.hard.requests.memory (8192Mi → 0Mi), spec.hard.requests.storage (120Gi → 0Gi)',
        '',
      ].join('\n'),
    );
  });

  it('shows a changed cluster context as the whole stack moving, though no resource changes', () => {
    const root = exampleRepository(roots);
    edit(root, 'stacks/Pulumi.gemeinde-eichwalde.yaml', 'kubernetes:context: rz-rathaus-musterstadt-gemeinde-eichwalde', 'kubernetes:context: neues-rz');
    const text = verbund('plan', '--root', root, '--base', 'HEAD', '--stack', 'gemeinde-eichwalde');
    expect(text.stdout).toBe(
      'Stack gemeinde-eichwalde: 0 hinzu, 0 entfernt, 0 geändert (gegenüber HEAD)\n  ~ Cluster: rz-rathaus-musterstadt-gemeinde-eichwalde → neues-rz (alle Ressourcen ziehen um)\n',
    );
    const json = JSON.parse(verbund('plan', '--root', root, '--base', 'HEAD', '--stack', 'gemeinde-eichwalde', '--format', 'json').stdout) as {
      stacks: object[];
    };
    expect(json.stacks[0]).toMatchObject({
      stack: 'gemeinde-eichwalde',
      cluster: 'neues-rz',
      changes: { cluster: { before: 'rz-rathaus-musterstadt-gemeinde-eichwalde', after: 'neues-rz' } },
    });
  });

  it('names --base for a revision that does not exist, without the usage text', () => {
    const root = exampleRepository(roots);
    const run = verbund('plan', '--root', root, '--base', 'gibt-es-nicht');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`verbund: --base: Die Revision „gibt-es-nicht“ gibt es in ${root} nicht (oder es ist kein Git-Repository).\n`);
  });

  it('a member without a backup partner fails the check, and plan refuses with the finding, not a stack trace', () => {
    const root = exampleRepository(roots);
    edit(root, 'governance/notfall/sicherung.yaml', /  - mitglied: gemeinde-eichwalde\n    partner: landkreis-heideland\n/, '');
    const check = verbund('check', '--root', root, '--format', 'json');
    expect(check.code).toBe(1);
    const findings = (JSON.parse(check.stdout) as { findings: { rule: string; file: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.rule === 'sicherung-partner')).toEqual([
      expect.objectContaining({
        file: 'governance/mitglieder/gemeinde-eichwalde.yaml',
        message:
          '„gemeinde-eichwalde“ hat einen Stack (jeder Namespace wird gesichert), aber keinen Sicherungspartner in governance/notfall/sicherung.yaml; bitte unter paare „- { mitglied: gemeinde-eichwalde, partner: <Mitglied an einem anderen Standort> }“ eintragen und unter standorte den Standort von „gemeinde-eichwalde“.',
      }),
    ]);
    const plan = verbund('plan', '--root', root);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toBe('');
    expect(plan.stderr).toContain('[sicherung-partner] „gemeinde-eichwalde“ hat einen Stack');
    expect(plan.stderr).not.toMatch(/\n\s+at /);
  });
});
