/**
 * The kinds of governance file and where each lives under governance/.
 * The folder decides the kind; each kind has one JSON Schema in governance/schemas/.
 */
export const KINDS = [
  'verbund',
  'leitlinie',
  'historie',
  'dimension',
  'ziel',
  'mitglied',
  'gremium',
  'strategie',
  'ressourcen',
  'ausnahmen',
  'pruefregeln',
] as const;

export type Kind = (typeof KINDS)[number];

/** Files that exist exactly once, by path below governance/. */
export const SINGLE_FILES: Record<string, { kind: Kind; required: boolean }> = {
  'verbund.yaml': { kind: 'verbund', required: true },
  'leitlinie/leitlinie.yaml': { kind: 'leitlinie', required: true },
  'leitlinie/historie.yaml': { kind: 'historie', required: true },
  'ressourcen/ressourcen.yaml': { kind: 'ressourcen', required: true },
  'ausnahmen/ausnahmen.yaml': { kind: 'ausnahmen', required: false },
};

/** Settings of this Verbund below policies/, by file name. */
export const POLICY_FILES: Record<string, { kind: Kind; required: boolean }> = {
  'pruefregeln.yaml': { kind: 'pruefregeln', required: false },
};

/** Folders below governance/ that hold one file per item. */
export const COLLECTION_FOLDERS: Record<string, Kind> = {
  dimensionen: 'dimension',
  ziele: 'ziel',
  mitglieder: 'mitglied',
  gremien: 'gremium',
  strategien: 'strategie',
};

/** Folder of the JSON Schemas below governance/; not data. */
export const SCHEMA_FOLDER = 'schemas';

export function schemaFileName(kind: Kind): string {
  return `${kind}.schema.json`;
}
