import fs from 'node:fs';
import path from 'node:path';
import { COLLECTION_FOLDERS, KINDS, POLICY_FILES, SINGLE_FILES, TOOL_FOLDERS, schemaFileName, type Kind } from '../schema/kinds';

/** A JSON Schema node, as far as the reference reads it. */
interface SchemaNode {
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  title?: string;
  description?: string;
  type?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
}

const COMMON = 'common.schema.json';
/** The pattern of a non-empty text: worth no mention. */
const NON_EMPTY = '\\S';

/** Patterns of the common building blocks, in words. */
const KNOWN_PATTERNS: Record<string, string> = {
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen',
  '^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$': 'GitHub-Kennung',
  '^[1-9][0-9]*\\.[1-9][0-9]*$': 'Zielnummer wie `1.1`',
  '^[1-9][0-9]*$': 'Dimensionsnummer wie `1`',
};

interface Row {
  field: string;
  required: boolean;
  type: string;
  description: string;
}

const HEADER = `<!-- Erzeugt von scripts/schema-docs.js aus schemas/governance/. Nicht von Hand ändern:
     Schemas ändern und \`npm run docs\` ausführen (ein Test prüft, dass diese Datei aktuell ist). -->`;

/**
 * The reference of every kind of governance file, generated from the JSON Schemas so that
 * it can never disagree with what the check enforces: per field whether it is required,
 * what is allowed, and its German description.
 */
export function schemaReference(schemaDir: string): string {
  const schemas = new Map<string, SchemaNode>();
  for (const name of fs.readdirSync(schemaDir).sort()) {
    if (name.endsWith('.schema.json')) schemas.set(name, JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8')) as SchemaNode);
  }
  const out = [HEADER, '', '# Referenz der Governance-Dateien', ''];
  out.push(
    'Jede Datei nennt in der ersten Zeile ihr Schema; Editoren prüfen damit beim Schreiben.',
    'Werte, die die Quellen nicht enthalten, werden als `offen: <Begründung>` erfasst, wo die Tabelle „oder offen“ nennt.',
    '',
  );
  for (const kind of KINDS) {
    const file = schemaFileName(kind);
    const schema = schemas.get(file)!;
    out.push(`## ${schema.title ?? kind}`, '', `Ort: ${location(kind)} · Schema: \`schemas/governance/${file}\``, '');
    if (schema.description) out.push(schema.description, '');
    out.push('| Feld | Pflicht | Erlaubt | Beschreibung |', '|---|---|---|---|');
    for (const row of rows(schema, file, schemas, '')) {
      out.push(`| \`${row.field}\` | ${row.required ? 'ja' : 'nein'} | ${cell(row.type)} | ${cell(row.description)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function location(kind: Kind): string {
  const folder = Object.entries(COLLECTION_FOLDERS).find(([, k]) => k === kind)?.[0];
  // Goals and dimensions may add a short title after their id (1.1-notfall.yaml).
  const name = kind === 'ziel' || kind === 'dimension' ? '<id>.yaml` oder `<id>-<kurztitel>.yaml' : '<id>.yaml';
  if (folder) return `\`governance/${folder}/${name}\` (eine Datei je Eintrag)`;
  const single = Object.entries(SINGLE_FILES).find(([, v]) => v.kind === kind)?.[0];
  if (single) return `\`governance/${single}\``;
  const tool = Object.entries(TOOL_FOLDERS).find(([, v]) => v.kind === kind)?.[0];
  if (tool) return `\`${tool}/Pulumi.<stack>.yaml\` (eine Datei je Stack, im Format von Pulumi)`;
  return `\`policies/${Object.entries(POLICY_FILES).find(([, v]) => v.kind === kind)![0]}\``;
}

function resolve(node: SchemaNode, file: string, schemas: Map<string, SchemaNode>): { node: SchemaNode; file: string } {
  let current = node;
  let currentFile = file;
  while (current.$ref) {
    const [refFile, pointer] = current.$ref.split('#');
    currentFile = refFile || currentFile;
    let target = schemas.get(currentFile)!;
    for (const part of (pointer ?? '').split('/').filter(Boolean)) target = (target as Record<string, SchemaNode>)[part]!;
    current = { ...target, description: current.description ?? target.description };
  }
  return { node: current, file: currentFile };
}

/** A value-or-open field: if it is open, then offen, else the real value. */
function valueOrOpen(node: SchemaNode, file: string, schemas: Map<string, SchemaNode>): SchemaNode | undefined {
  if (!node.if || !node.else) return undefined;
  const condition = resolve(node.if, file, schemas).node;
  return condition.required?.includes('offen') ? node.else : undefined;
}

function rows(schema: SchemaNode, file: string, schemas: Map<string, SchemaNode>, prefix: string, inside: ReadonlySet<SchemaNode> = new Set()): Row[] {
  const result: Row[] = [];
  // A schema that contains itself (a cost key's stages hold a distribution) is described once.
  const path = new Set(inside).add(schema);
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const { node, file: nodeFile } = resolve(raw, file, schemas);
    const field = `${prefix}${key}`;
    const open = valueOrOpen(node, nodeFile, schemas);
    const value = open ? resolve(open, nodeFile, schemas) : { node, file: nodeFile };
    // Generic building blocks (common.schema.json) describe themselves, not the field.
    const description = raw.description ?? (nodeFile === COMMON ? '' : (node.description ?? ''));
    result.push({
      field,
      required: schema.required?.includes(key) ?? false,
      type: typeText(value.node, value.file, schemas) + (open ? ' oder offen' : ''),
      description,
    });
    const inner = value.node.type === 'array' && value.node.items ? resolve(value.node.items, value.file, schemas) : value;
    if (inner.node.properties && !path.has(inner.node)) result.push(...rows(inner.node, inner.file, schemas, `${field}${inner === value ? '.' : '[].'}`, path));
    else if (inner.node.properties)
      result.push({
        field: `${field}${inner === value ? '.' : '[].'}…`,
        required: false,
        type: 'wie oben',
        description: 'dieselben Felder wie die umgebende Zuordnung',
      });
  }
  return result;
}

function typeText(node: SchemaNode, file: string, schemas: Map<string, SchemaNode>): string {
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(', ');
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (node.format === 'date') return 'Datum JJJJ-MM-TT';
  if (node.format === 'email') return 'E-Mail-Adresse';
  if (node.format === 'uri') return 'Adresse (URI)';
  if (node.if && node.then && node.else)
    return `${typeText(resolve(node.then, file, schemas).node, file, schemas)} oder ${typeText(resolve(node.else, file, schemas).node, file, schemas)}`;
  switch (node.type) {
    case 'array':
      return node.items ? `Liste von: ${typeText(resolve(node.items, file, schemas).node, file, schemas)}` : 'Liste';
    case 'object':
      return node.properties ? 'Zuordnung (siehe unten)' : 'Zuordnung';
    case 'integer':
      return `ganze Zahl${range(node)}`;
    case 'number':
      return `Zahl${range(node)}`;
    case 'string':
      if (!node.pattern || node.pattern === NON_EMPTY) return 'Text';
      return KNOWN_PATTERNS[node.pattern] ?? `Text (Muster \`${node.pattern}\`)`;
    case 'boolean':
      return '`true` oder `false`';
    default:
      return 'siehe Beschreibung';
  }
}

function range(node: SchemaNode): string {
  if (node.minimum !== undefined && node.maximum !== undefined) return ` ${node.minimum}–${node.maximum}`;
  if (node.minimum !== undefined) return ` ab ${node.minimum}`;
  return '';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
