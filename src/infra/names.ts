/**
 * Names and labels of what the program creates: one place, so that the program, the policy
 * pack and `verbund plan` agree. Kubernetes names are set explicitly everywhere (Pulumi would
 * add random suffixes, and a mocked plan could not show the names a real run creates).
 */

/** Label prefix of this project (a DNS label, as Kubernetes requires for prefixes). */
const PREFIX = 'verbund-gitops';

export const LABELS = {
  /** The stack that owns the object: a member's id, or verbund. */
  stack: `${PREFIX}/stack`,
  /** The member a namespace belongs to (verbund for the Verbund-wide services). */
  mitglied: `${PREFIX}/mitglied`,
  /** The cost centre the namespace's operation is booked on. */
  kostenstelle: `${PREFIX}/kostenstelle`,
  /** The site (data centre) of the stack, from the backup agreement. */
  standort: `${PREFIX}/standort`,
  /** On a backup location: the member whose backups it holds, and the member at whose site it lies. */
  gesichert: `${PREFIX}/gesichert`,
  partner: `${PREFIX}/partner`,
  managedBy: 'app.kubernetes.io/managed-by',
  /** Set by Helm on the pods of a release (the charts in the catalogue follow the convention). */
  instance: 'app.kubernetes.io/instance',
} as const;

export const MANAGED_BY = 'verbund-gitops';

/** Velero watches only its own namespace, so its objects live there. */
export const VELERO_NAMESPACE = 'velero';
/** Velero reads the password of its Kopia repositories from this Secret and key; it creates one with a fixed default password if it is missing. */
export const VELERO_REPO_SECRET = { name: 'velero-repo-credentials', key: 'repository-password' } as const;
/** Velero's built-in default repository password: never acceptable. */
export const VELERO_DEFAULT_PASSWORD = 'static-passw0rd';
/** Credentials for the partner's storage (write) and for the own storage (read, for restores). */
export const PARTNER_CREDENTIALS = { name: 'sicherung-zugang', key: 'cloud' } as const;
export const OWN_TARGET_CREDENTIALS = { name: 'sicherungsziel-zugang', key: 'cloud' } as const;

/** The backup location at the partner's site (read-write), in a member's or the Verbund's cluster. */
export const partnerLocation = (partner: string) => `partner-${partner}`;
/** The read-only location of another stack's backups kept at this member's site. */
export const keptLocation = (of: string) => `sicherung-von-${of}`;
export const scheduleName = (namespace: string) => `${namespace}-taeglich`;

/** The namespace of a stack's services: the member's id, or verbund. */
export const namespaceOf = (stack: string) => stack;
