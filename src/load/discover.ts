import { finding, type Finding } from '../findings/finding';
import { COLLECTION_FOLDERS, POLICY_FILES, SCHEMA_DIR, SINGLE_FILES, TOOL_FOLDERS, type Kind } from '../schema/kinds';
import { isFailure, type FileSource, type SourceEntry } from '../source/file-source';

export interface GovernanceFile {
  /** Path relative to the repository root, with forward slashes (governance/…). */
  file: string;
  kind: Kind;
  /** Size in bytes as the source reports it. */
  size?: number;
}

export const GOVERNANCE_DIR = 'governance';
export const POLICIES_DIR = 'policies';

const SYMLINK = 'Symbolische Verknüpfungen sind in governance/ nicht erlaubt.';

/**
 * Lists the governance files of a source and the kind of each, by folder. Files in places the
 * layout does not know, dot files, symbolic links and missing required files are findings;
 * nothing here throws for a bad tree.
 */
export function discoverFiles(source: FileSource): { files: GovernanceFile[]; findings: Finding[]; unreadableKinds: Kind[] } {
  const files: GovernanceFile[] = [];
  const findings: Finding[] = [];
  const unreadableKinds: Kind[] = [];
  const at = (rel: string) => ({ file: rel === '' ? `${GOVERNANCE_DIR}/` : `${GOVERNANCE_DIR}/${rel}`, line: 1, column: 1 });
  const unknown = (rel: string, why: string) => findings.push(finding('error', 'datei-unbekannt', at(rel), why));
  const unreadable = (rel: string, code: string) => findings.push(finding('error', 'datei-unlesbar', at(rel), unreadableMessage(code)));

  const top = listSorted(source, GOVERNANCE_DIR);
  if (top === undefined) {
    findings.push(finding('error', 'datei-fehlt', at(''), `Der Ordner „${GOVERNANCE_DIR}/“ fehlt in ${source.label}.`));
    return { files, findings, unreadableKinds };
  }
  if (isFailure(top)) {
    unreadable('', top.error);
    return { files, findings, unreadableKinds };
  }
  for (const entry of top) {
    const rel = entry.name;
    if (rel.startsWith('.')) unknown(rel, dotFileMessage(rel));
    else if (entry.type === 'symlink') unknown(rel, SYMLINK);
    else if (entry.type === 'directory' && rel === 'schemas') {
      unknown(rel, `Die JSON Schemas gehören zum Werkzeug (${SCHEMA_DIR}/) und werden hier nicht gelesen; bitte governance/schemas/ entfernen.`);
    } else if (entry.type === 'directory') {
      const children = listSorted(source, `${GOVERNANCE_DIR}/${rel}`) ?? [];
      if (isFailure(children)) {
        unreadable(rel, children.error);
        if (COLLECTION_FOLDERS[rel]) unreadableKinds.push(COLLECTION_FOLDERS[rel]);
        continue;
      }
      for (const child of children) {
        const childRel = `${rel}/${child.name}`;
        const kind = COLLECTION_FOLDERS[rel] ?? SINGLE_FILES[childRel]?.kind;
        if (child.name.startsWith('.')) unknown(childRel, dotFileMessage(child.name));
        else if (child.type === 'symlink') unknown(childRel, SYMLINK);
        else if (child.type === 'directory') unknown(childRel, `Unterordner sind in „${rel}/“ nicht vorgesehen.`);
        else if (child.type !== 'file') unknown(childRel, 'Nur gewöhnliche Dateien werden gelesen (keine Geräte, Pipes oder Sockets).');
        else if (!kind) unknown(childRel, unknownFileMessage(rel, child.name));
        else if (!child.name.endsWith('.yaml')) unknown(childRel, `Governance-Dateien enden auf „.yaml“; „${child.name}“ wird nicht gelesen.`);
        else files.push({ file: `${GOVERNANCE_DIR}/${childRel}`, kind, size: child.size });
      }
    } else if (SINGLE_FILES[rel] && entry.type === 'file') {
      files.push({ file: `${GOVERNANCE_DIR}/${rel}`, kind: SINGLE_FILES[rel].kind, size: entry.size });
    } else if (SINGLE_FILES[rel]) {
      unknown(rel, `„${rel}“ muss eine gewöhnliche Datei sein.`);
    } else {
      unknown(rel, unknownFileMessage('', rel));
    }
  }
  for (const file of policyFiles(source, findings)) files.push(file);
  for (const file of toolFolderFiles(source, findings, unreadableKinds)) files.push(file);
  const present = new Set(files.map((f) => f.file));
  for (const [rel, { required }] of Object.entries(SINGLE_FILES)) {
    if (required && !present.has(`${GOVERNANCE_DIR}/${rel}`)) {
      findings.push(finding('error', 'datei-fehlt', at(rel), `Die Pflichtdatei „${GOVERNANCE_DIR}/${rel}“ fehlt.`));
    }
  }
  return { files, findings, unreadableKinds };
}

/** The settings files of policies/ that the check reads; other files there belong to other tools. */
function policyFiles(source: FileSource, findings: Finding[]): GovernanceFile[] {
  const files: GovernanceFile[] = [];
  for (const [name, { kind }] of Object.entries(POLICY_FILES)) {
    const file = `${POLICIES_DIR}/${name}`;
    const entry = source.entry(file);
    if (entry === undefined) continue;
    const at = { file, line: 1, column: 1 };
    if (isFailure(entry)) findings.push(finding('error', 'datei-unlesbar', at, unreadableMessage(entry.error)));
    else if (entry.type === 'file') files.push({ file, kind, size: entry.size });
    else findings.push(finding('error', 'datei-unbekannt', at, `„${file}“ muss eine gewöhnliche Datei sein (keine Verknüpfung, kein Ordner).`));
  }
  return files;
}

/** Pulumi's stack files in stacks/ (other files there, such as its README, are not ours). */
function toolFolderFiles(source: FileSource, findings: Finding[], unreadableKinds: Kind[]): GovernanceFile[] {
  const files: GovernanceFile[] = [];
  for (const [folder, { kind, files: pattern }] of Object.entries(TOOL_FOLDERS)) {
    const entries = listSorted(source, folder);
    if (entries === undefined) continue;
    const at = (name: string) => ({ file: name === '' ? `${folder}/` : `${folder}/${name}`, line: 1, column: 1 });
    if (isFailure(entries)) {
      findings.push(finding('error', 'datei-unlesbar', at(''), unreadableMessage(entries.error)));
      unreadableKinds.push(kind);
      continue;
    }
    for (const entry of entries.filter((e) => pattern.test(e.name))) {
      if (entry.type !== 'file') {
        findings.push(
          finding('error', 'datei-unbekannt', at(entry.name), `„${folder}/${entry.name}“ muss eine gewöhnliche Datei sein (keine Verknüpfung, kein Ordner).`),
        );
      } else if (!STACK_FILE.test(entry.name)) {
        const message = `„${entry.name}“ ist kein gültiger Name einer Stack-Konfiguration: erwartet wird Pulumi.<stack>.yaml mit der Kennung eines Mitglieds oder „verbund“ (Kleinbuchstaben, Ziffern, Bindestriche).`;
        findings.push(finding('error', 'datei-unbekannt', at(entry.name), message));
      } else files.push({ file: `${folder}/${entry.name}`, kind, size: entry.size });
    }
  }
  return files;
}

const STACK_FILE = /^Pulumi\.[a-z0-9]([a-z0-9-]*[a-z0-9])?\.yaml$/;

function listSorted(source: FileSource, dir: string): SourceEntry[] | { error: string } | undefined {
  const entries = source.list(dir);
  if (entries === undefined || isFailure(entries)) return entries;
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function unreadableMessage(code: string): string {
  if (code === 'AUSSERHALB') return 'Der Ordner ist eine Verknüpfung, die aus dem Repository hinausführt; sie wird nicht gelesen.';
  if (code === 'VERKNUEPFUNG') return 'Der Ordner ist im Commit eine symbolische Verknüpfung; aus einem Commit (--rev) werden nur echte Ordner gelesen.';
  return `Kann nicht gelesen werden (${code}); bitte Zugriffsrechte prüfen.`;
}

function dotFileMessage(name: string): string {
  return `„${name}“ beginnt mit einem Punkt; solche Dateien und Ordner werden nicht gelesen und gehören nicht in governance/ (bitte entfernen oder umbenennen).`;
}

function unknownFileMessage(folder: string, name: string): string {
  const known = [...Object.keys(COLLECTION_FOLDERS).map((f) => `${f}/`), ...Object.keys(SINGLE_FILES)].sort().join(', ');
  const where = folder ? `im Ordner „${folder}/“` : 'direkt in governance/';
  return `Die Datei „${name}“ ${where} gehört zu keiner bekannten Art. Bekannt sind: ${known}.`;
}
