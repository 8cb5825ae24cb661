// Validates JSON bodies against the response schemas of GitHub's published OpenAPI description
// (@octokit/openapi), so the fake GitHub cannot drift from the real one. The 13 MB description
// is parsed once per test process; only the operations asked for are compiled (and cached),
// each as a small standalone schema: the response schema plus the components it reaches.
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const OPENAPI_FILE = path.join(__dirname, '..', '..', 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: JsonObject }> }>;
}

let spec: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonObject> } } | undefined;
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

function loadSpec(): NonNullable<typeof spec> {
  spec ??= JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8'));
  return spec!;
}

/** The 2xx statuses GitHub documents for an operation with a JSON body ("200", "201"). */
export function successStatuses(method: string, template: string): number[] {
  const operation = loadSpec().paths[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`GitHub's OpenAPI description has no operation ${method} ${template}`);
  return Object.keys(operation.responses)
    .filter((status) => /^2\d\d$/.test(status) && operation.responses[status].content?.['application/json'])
    .map(Number);
}

/** The compiled validator of one operation's JSON response for one status. */
export function responseValidator(method: string, template: string, status: number): ValidateFunction {
  const { paths, components } = loadSpec();
  const schema = paths[template]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`GitHub's OpenAPI description has no JSON response ${status} for ${method} ${template}`);
  // Keyed by the schema itself: operations answering with the same object share one validator.
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    const reached: Record<string, Json> = {};
    collectRefs(schema, components.schemas, reached);
    validate = ajv.compile(fromOpenApi({ ...schema, components: { schemas: reached } }) as object);
    compiled.set(key, validate);
  }
  return validate;
}

/** Why a body is not what GitHub would send for that operation: empty when it is. */
export function responseErrors(method: string, template: string, status: number, body: unknown): string[] {
  const validate = responseValidator(method, template, status);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${method.toUpperCase()} ${template} ${status}: ${e.instancePath || '/'} ${e.message}`);
}

/** Gathers every component schema a schema reaches through "#/components/schemas/NAME". */
function collectRefs(node: Json, schemas: Record<string, JsonObject>, reached: Record<string, Json>, inProperties = false): void {
  if (Array.isArray(node)) return node.forEach((item) => collectRefs(item, schemas, reached));
  if (node === null || typeof node !== 'object') return;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const name = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
    if (!name || !schemas[name]) throw new Error(`Unsupported $ref ${ref}`);
    if (!(name in reached)) {
      reached[name] = schemas[name];
      collectRefs(schemas[name], schemas, reached);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (inProperties || (key !== 'example' && key !== 'examples')) collectRefs(value, schemas, reached, !inProperties && key === 'properties');
  }
}

/**
 * A copy in plain JSON Schema: OpenAPI 3.0's `nullable: true` becomes an allowed null (in
 * `type`, in `enum`, or as an alternative for a schema without `type`); examples are dropped.
 */
function fromOpenApi(node: Json): Json {
  if (Array.isArray(node)) return node.map(fromOpenApi);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'nullable') continue;
    // Property names are data, not keywords: `properties.nullable` stays a schema.
    out[key] = key === 'properties' ? mapValues(value as JsonObject) : fromOpenApi(value);
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (out.type === undefined) return { anyOf: [{ type: 'null' }, out] };
  return out;
}

function mapValues(properties: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, fromOpenApi(schema)]));
}
