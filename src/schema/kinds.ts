/**
 * The kinds of governance file: one registry entry each says where its files live, how an
 * item names itself (its subject, kind:id) and how a broken file is still known by name.
 * Adding a kind means one entry here, its JSON Schema, its slot in the model and its rules.
 */
/** The format version every governance file carries in `apiVersion`; history in older versions stays readable. */
export const API_VERSION = 'verbund/v1';

interface KindEntry {
  /**
   * A single file (path from the repository root), or a folder with one file per item; a folder
   * outside governance/ holds other tools' files too, so only names matching `files` are read.
   */
  place: { file: string; required: boolean } | { folder: string; files?: RegExp };
  /** The subject of a loaded item: kind:id. */
  subject(data: Record<string, unknown>): string;
  /** The id a file stands for by its name (used when the file itself failed to load). */
  idFromFileName?(name: string): string;
  /** Files in another tool's format (Pulumi's stack files) carry no apiVersion and no id: the id is the file name's. */
  foreign?: true;
}

const byId = (kind: string) => (data: Record<string, unknown>) => `${kind}:${String(data.id)}`;
const fixed = (subject: string) => () => subject;
/** Goals and dimensions are named <id>-<kurztitel>.yaml, the others <id>.yaml. */
const idBeforeDash = (name: string) => name.split('-')[0]!;
const wholeName = (name: string) => name;
/** Pulumi names a stack's settings Pulumi.<stack>.yaml. */
const stackName = (name: string) => name.replace(/^Pulumi\./, '');

export const KIND_REGISTRY = {
  verbund: { place: { file: 'governance/verbund.yaml', required: true }, subject: byId('verbund') },
  leitlinie: { place: { file: 'governance/leitlinie/leitlinie.yaml', required: true }, subject: fixed('leitlinie') },
  historie: { place: { file: 'governance/leitlinie/historie.yaml', required: true }, subject: fixed('historie') },
  dimension: { place: { folder: 'governance/dimensionen' }, subject: byId('dimension'), idFromFileName: idBeforeDash },
  ziel: { place: { folder: 'governance/ziele' }, subject: byId('ziel'), idFromFileName: idBeforeDash },
  mitglied: { place: { folder: 'governance/mitglieder' }, subject: byId('mitglied'), idFromFileName: wholeName },
  gremium: { place: { folder: 'governance/gremien' }, subject: byId('gremium'), idFromFileName: wholeName },
  dienst: { place: { folder: 'governance/dienste' }, subject: byId('dienst'), idFromFileName: wholeName },
  strategie: { place: { folder: 'governance/strategien' }, subject: (data) => `strategie:${String(data.mitglied)}`, idFromFileName: wholeName },
  ressourcen: { place: { file: 'governance/ressourcen/ressourcen.yaml', required: true }, subject: fixed('ressourcen') },
  ausnahmen: { place: { file: 'governance/ausnahmen/ausnahmen.yaml', required: false }, subject: fixed('ausnahmen') },
  sicherung: { place: { file: 'governance/notfall/sicherung.yaml', required: false }, subject: fixed('sicherung') },
  kostenschluessel: { place: { folder: 'governance/kostenschluessel' }, subject: byId('kostenschluessel'), idFromFileName: wholeName },
  kostenposten: { place: { folder: 'governance/kostenposten' }, subject: byId('kostenposten'), idFromFileName: wholeName },
  stack: {
    place: { folder: 'stacks', files: /^Pulumi\.[^/]*\.ya?ml$/ },
    subject: byId('stack'),
    idFromFileName: stackName,
    foreign: true,
  },
  pruefregeln: { place: { file: 'policies/pruefregeln.yaml', required: false }, subject: fixed('pruefregeln') },
  freigaberegeln: { place: { file: 'policies/freigaberegeln.yaml', required: false }, subject: fixed('freigaberegeln') },
} as const satisfies Record<string, KindEntry>;

export type Kind = keyof typeof KIND_REGISTRY;

/** Every kind, in the registry's order. */
export const KINDS = Object.keys(KIND_REGISTRY) as Kind[];

/** The registry entry of a kind. */
export function kindEntry(kind: Kind): KindEntry {
  return KIND_REGISTRY[kind];
}

const entries = Object.entries(KIND_REGISTRY) as [Kind, KindEntry][];
const below = (prefix: string, file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : undefined);

/** Files that exist exactly once, by path below governance/. */
export const SINGLE_FILES: Record<string, { kind: Kind; required: boolean }> = Object.fromEntries(
  entries.flatMap(([kind, { place }]) =>
    'file' in place && below('governance/', place.file) ? [[below('governance/', place.file)!, { kind, required: place.required }]] : [],
  ),
);

/** Settings of this Verbund below policies/, by file name. */
export const POLICY_FILES: Record<string, { kind: Kind; required: boolean }> = Object.fromEntries(
  entries.flatMap(([kind, { place }]) =>
    'file' in place && below('policies/', place.file) ? [[below('policies/', place.file)!, { kind, required: place.required }]] : [],
  ),
);

/** Folders below governance/ that hold one file per item. */
export const COLLECTION_FOLDERS: Record<string, Kind> = Object.fromEntries(
  entries.flatMap(([kind, { place }]) => ('folder' in place && below('governance/', place.folder) ? [[below('governance/', place.folder)!, kind]] : [])),
);

/** Folders beside governance/ (from the repository root) whose files matching a pattern are read as a kind. */
export const TOOL_FOLDERS: Record<string, { kind: Kind; files: RegExp }> = Object.fromEntries(
  entries.flatMap(([kind, { place }]) => ('folder' in place && place.files ? [[place.folder, { kind, files: place.files }]] : [])),
);

/** The tool's JSON Schemas of governance files, relative to the repository root: they belong to the tool, not to a Verbund's data. */
export const SCHEMA_DIR = 'schemas/governance';

export function schemaFileName(kind: Kind): string {
  return `${kind}.schema.json`;
}
