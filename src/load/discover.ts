import fs from 'node:fs';
import path from 'node:path';
import { finding, type Finding } from '../check/finding';
import { COLLECTION_FOLDERS, POLICY_FILES, SCHEMA_FOLDER, SINGLE_FILES, type Kind } from '../schema/kinds';

export interface GovernanceFile {
  /** Absolute path on disk. */
  absPath: string;
  /** Path relative to the repository root, with forward slashes (governance/…). */
  file: string;
  kind: Kind;
}

export const GOVERNANCE_DIR = 'governance';
export const POLICIES_DIR = 'policies';

/**
 * Lists the governance files under `root` and the kind of each, by folder.
 * Files in places the layout does not know, symbolic links and missing required
 * files are findings; nothing here throws for a bad tree.
 */
export function discoverFiles(root: string): { files: GovernanceFile[]; findings: Finding[]; unreadableKinds: Kind[] } {
  const base = path.join(root, GOVERNANCE_DIR);
  const files: GovernanceFile[] = [];
  const findings: Finding[] = [];
  const unreadableKinds: Kind[] = [];
  const at = (rel: string) => ({ file: `${GOVERNANCE_DIR}/${rel}`, line: 1, column: 1 });
  const unknown = (rel: string, why: string) => findings.push(finding('error', 'datei-unbekannt', at(rel), why));

  if (!fs.existsSync(base)) {
    findings.push(finding('error', 'datei-fehlt', at(''), `Der Ordner „${GOVERNANCE_DIR}/“ fehlt unter ${root}.`));
    return { files, findings, unreadableKinds };
  }
  const unreadable = (rel: string) => (code: string) =>
    findings.push(finding('error', 'datei-unlesbar', at(rel), `Der Ordner kann nicht gelesen werden (${code}); bitte Zugriffsrechte prüfen.`));
  for (const entry of listSorted(base, unreadable(''))) {
    const rel = entry.name;
    if (entry.isSymbolicLink()) unknown(rel, 'Symbolische Verknüpfungen sind in governance/ nicht erlaubt.');
    else if (entry.isDirectory()) {
      if (rel === SCHEMA_FOLDER) continue;
      const onError = (code: string) => {
        unreadable(rel)(code);
        if (COLLECTION_FOLDERS[rel]) unreadableKinds.push(COLLECTION_FOLDERS[rel]);
      };
      for (const child of listSorted(path.join(base, rel), onError)) {
        const childRel = `${rel}/${child.name}`;
        const kind = COLLECTION_FOLDERS[rel] ?? SINGLE_FILES[childRel]?.kind;
        if (child.isSymbolicLink()) unknown(childRel, 'Symbolische Verknüpfungen sind in governance/ nicht erlaubt.');
        else if (child.isDirectory()) unknown(childRel, `Unterordner sind in „${rel}/“ nicht vorgesehen.`);
        else if (!child.isFile()) unknown(childRel, 'Nur gewöhnliche Dateien werden gelesen (keine Geräte, Pipes oder Sockets).');
        else if (!kind) unknown(childRel, unknownFileMessage(rel, child.name));
        else if (!child.name.endsWith('.yaml')) unknown(childRel, `Governance-Dateien enden auf „.yaml“; „${child.name}“ wird nicht gelesen.`);
        else files.push({ absPath: path.join(base, rel, child.name), file: `${GOVERNANCE_DIR}/${childRel}`, kind });
      }
    } else if (SINGLE_FILES[rel] && entry.isFile()) {
      files.push({ absPath: path.join(base, rel), file: `${GOVERNANCE_DIR}/${rel}`, kind: SINGLE_FILES[rel].kind });
    } else if (SINGLE_FILES[rel]) {
      unknown(rel, `„${rel}“ muss eine gewöhnliche Datei sein.`);
    } else {
      unknown(rel, unknownFileMessage('', rel));
    }
  }
  files.push(...policyFiles(root, findings));
  const present = new Set(files.map((f) => f.file));
  for (const [rel, { required }] of Object.entries(SINGLE_FILES)) {
    if (required && !present.has(`${GOVERNANCE_DIR}/${rel}`)) {
      findings.push(finding('error', 'datei-fehlt', at(rel), `Die Pflichtdatei „${GOVERNANCE_DIR}/${rel}“ fehlt.`));
    }
  }
  return { files, findings, unreadableKinds };
}

/** The settings files of policies/ that the check reads; other files there belong to other tools. */
function policyFiles(root: string, findings: Finding[]): GovernanceFile[] {
  const files: GovernanceFile[] = [];
  for (const [name, { kind }] of Object.entries(POLICY_FILES)) {
    const absPath = path.join(root, POLICIES_DIR, name);
    const file = `${POLICIES_DIR}/${name}`;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(absPath);
    } catch {
      continue;
    }
    if (stat.isFile()) files.push({ absPath, file, kind });
    else findings.push(finding('error', 'datei-unbekannt', { file, line: 1, column: 1 }, `„${file}“ muss eine gewöhnliche Datei sein (keine Verknüpfung, kein Ordner).`));
  }
  return files;
}

function listSorted(dir: string, onError: (code: string) => void): fs.Dirent[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    onError((error as NodeJS.ErrnoException).code ?? 'Fehler');
    return [];
  }
  return entries
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function unknownFileMessage(folder: string, name: string): string {
  const known = [...Object.keys(COLLECTION_FOLDERS).map((f) => `${f}/`), ...Object.keys(SINGLE_FILES)].sort().join(', ');
  const where = folder ? `im Ordner „${folder}/“` : 'direkt in governance/';
  return `Die Datei „${name}“ ${where} gehört zu keiner bekannten Art. Bekannt sind: ${known}.`;
}
