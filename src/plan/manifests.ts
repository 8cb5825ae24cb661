import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { parse, stringify } from 'yaml';
import type { PlannedResource, StackPlan } from './plan';

/** One file of `verbund plan --out`: a manifest (or a Helm release) and what validated it. */
export interface Manifest {
  /** Relative path below the output folder: <stack>/<kind>-<namespace>-<name>.yaml. */
  file: string;
  text: string;
}

export class InvalidManifest extends Error {}

/** Where the stored CRD schemas lie (schemas/crds/ at the repository root, beside src/ and dist/). */
const CRD_DIR = path.join(__dirname, '..', '..', 'schemas', 'crds');

/**
 * The manifests every stack would apply, each validated: built-in kinds with kubernetes-models,
 * Velero's with Ajv against the stored CRD schemas. Secret data is never written: a Secret
 * keeps only the names of its keys (in an annotation). A Helm release is not a Kubernetes
 * object: it is written as chart, version and values, for review.
 */
export function renderManifests(plans: readonly StackPlan[]): Manifest[] {
  const crds = crdValidators();
  return plans.flatMap((plan) =>
    plan.resources.map((r) => {
      const kind = r.type.split(':').pop()!;
      const file = `${plan.stack}/${kind.toLowerCase()}-${r.namespace ?? 'cluster'}-${r.name}.yaml`;
      if (r.type === 'kubernetes:helm.sh/v3:Release') return { file, text: releaseText(r) };
      const object = manifestOf(r);
      validate(object, crds, `${plan.stack}: ${kind} ${r.namespace ?? ''}/${r.name}`);
      return { file, text: stringify(object, { lineWidth: 0 }) };
    }),
  );
}

/** Writes the manifests through a staging folder: the output folder appears whole, or not at all. */
export function writeManifests(dir: string, manifests: readonly Manifest[]): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
    throw new InvalidManifest(`Der Ordner „${dir}“ ist nicht leer; plan --out schreibt nur in einen neuen oder leeren Ordner.`);
  const staging = fs.mkdtempSync(path.join(path.dirname(path.resolve(dir)), '.verbund-plan-'));
  try {
    for (const m of manifests) {
      fs.mkdirSync(path.join(staging, path.dirname(m.file)), { recursive: true });
      fs.writeFileSync(path.join(staging, m.file), m.text, { flag: 'wx' });
    }
    if (fs.existsSync(dir)) fs.rmdirSync(dir);
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function manifestOf(r: PlannedResource): Record<string, unknown> {
  const { apiVersion, kind, metadata, ...rest } = r.fields as {
    apiVersion: string;
    kind: string;
    metadata: Record<string, unknown>;
    data?: object;
    stringData?: object;
  };
  if (kind !== 'Secret') return { apiVersion, kind, metadata, ...rest };
  const keys = Object.keys({ ...(rest.data ?? {}), ...(rest.stringData ?? {}) }).sort();
  const annotations = { ...((metadata.annotations as object) ?? {}), 'verbund-gitops/verdeckt': `Schlüssel ohne Werte: ${keys.join(', ')}` };
  const { data: _data, stringData: _stringData, ...withoutData } = rest;
  return { apiVersion, kind, metadata: { ...metadata, annotations }, ...withoutData };
}

function releaseText(r: PlannedResource): string {
  const { name, namespace, chart, version, repositoryOpts, values } = r.fields as Record<string, unknown>;
  const header = '# Helm-Release (kein Kubernetes-Objekt): Chart, Version und Werte, wie Pulumi sie an Helm übergibt.\n';
  return (
    header +
    stringify({ release: name, namespace, chart, version, repository: (repositoryOpts as { repo?: string } | undefined)?.repo, values }, { lineWidth: 0 })
  );
}

type ModelClass = new (data: object) => { validate(): void };

/** kubernetes-models' class for a built-in apiVersion and kind (the modules are named by apiVersion). */
function builtInModel(apiVersion: string, kind: string): ModelClass | undefined {
  const modules: Record<string, () => Record<string, unknown>> = {
    v1: () => require('kubernetes-models/v1') as Record<string, unknown>,
    'networking.k8s.io/v1': () => require('kubernetes-models/networking.k8s.io/v1') as Record<string, unknown>,
    'apps/v1': () => require('kubernetes-models/apps/v1') as Record<string, unknown>,
  };
  return modules[apiVersion]?.()[kind] as ModelClass | undefined;
}

function validate(object: Record<string, unknown>, crds: Map<string, ValidateFunction>, label: string): void {
  const { apiVersion, kind } = object as { apiVersion: string; kind: string };
  const crd = crds.get(`${apiVersion}/${kind}`);
  if (crd) {
    if (!crd(object))
      throw new InvalidManifest(
        `${label}: entspricht nicht dem CRD-Schema (Meldung von Ajv, englisch: ${crd.errors!.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}).`,
      );
    return;
  }
  const Model = builtInModel(apiVersion, kind);
  if (!Model) throw new InvalidManifest(`${label}: für ${apiVersion} ${kind} liegt kein Schema vor; ungeprüft wird nichts geschrieben.`);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new InvalidManifest(`${label}: entspricht nicht dem Kubernetes-Schema (Meldung von kubernetes-models, englisch: ${(error as Error).message}).`);
  }
}

/** Ajv validators of the stored CRD schemas, by apiVersion/kind. */
function crdValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validators = new Map<string, ValidateFunction>();
  for (const name of fs
    .readdirSync(CRD_DIR)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const crd = parse(fs.readFileSync(path.join(CRD_DIR, name), 'utf8')) as CrdDocument;
    for (const version of crd.spec.versions) {
      validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(version.schema.openAPIV3Schema));
    }
  }
  return validators;
}

interface CrdDocument {
  spec: { group: string; names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: object } }[] };
}
