import type { Finding } from '../check/finding';
import { Model } from '../model/model';
import type { KindData } from '../model/types';
import type { Kind } from '../schema/kinds';
import type { Validators } from '../schema/validators';
import { discoverFiles } from './discover';
import { readYamlFile } from './read-yaml';
import { schemaFindings } from './schema-findings';
import type { SourceFile } from './source-file';

export interface LoadResult {
  model: Model;
  /** Number of governance files read. */
  files: number;
  /** Files that could not be loaded into the model (unreadable, not YAML, schema errors). */
  unloadedFiles: number;
  /** Findings of the load stage: layout, YAML and schema. */
  findings: Finding[];
}

/**
 * Stage 1 of the pipeline: governance/ → schema-valid, typed, sorted model.
 * A file that fails to parse or to validate stays out of the model (so rules can trust
 * the types) but its findings are kept, and every other file is still loaded.
 */
export function loadGovernance(root: string, validators: Validators): LoadResult {
  const { files, findings, unreadableKinds } = discoverFiles(root);
  const model = new Model();
  for (const kind of unreadableKinds) model.unloaded.add(`${kind}:*`);
  let unloadedFiles = 0;
  for (const { absPath, file, kind } of files) {
    const read = readYamlFile(absPath, file, kind);
    findings.push(...read.findings);
    if (!read.ok) {
      rememberUnloaded(model, kind, undefined, file);
      unloadedFiles++;
      continue;
    }
    const validate = validators[kind];
    if (validate(read.data)) {
      addToModel(model, kind, read.data as KindData[typeof kind], read.source);
    } else {
      findings.push(...schemaFindings(read.source, validate.errors ?? [], read.data));
      rememberUnloaded(model, kind, read.data, file);
      unloadedFiles++;
    }
  }
  model.sort();
  return { model, files: files.length, unloadedFiles, findings };
}

function addToModel<K extends Kind>(model: Model, kind: K, data: KindData[K], source: SourceFile): void {
  const item = data as object;
  model.register(item, source);
  switch (kind) {
    case 'verbund':
      model.verbund = data as KindData['verbund'];
      break;
    case 'leitlinie':
      model.leitlinie = data as KindData['leitlinie'];
      break;
    case 'historie':
      model.historie = data as KindData['historie'];
      break;
    case 'ressourcen':
      model.ressourcen = data as KindData['ressourcen'];
      break;
    case 'dimension':
      model.dimensionen.push(data as KindData['dimension']);
      break;
    case 'ziel':
      model.ziele.push(data as KindData['ziel']);
      break;
    case 'mitglied':
      model.mitglieder.push(data as KindData['mitglied']);
      break;
    case 'gremium':
      model.gremien.push(data as KindData['gremium']);
      break;
    case 'strategie':
      model.strategien.push(data as KindData['strategie']);
      break;
    case 'pruefregeln':
      model.pruefregeln = data as KindData['pruefregeln'];
      break;
    case 'ausnahmen':
      for (const [index, ausnahme] of (data as KindData['ausnahmen']).ausnahmen.entries()) {
        model.register(ausnahme, source, ['ausnahmen', index]);
        model.ausnahmen.push(ausnahme);
      }
      break;
  }
}

/**
 * A file that failed to load still stands for its item (by its id, or by its file name):
 * remember it, so that references to it do not add follow-up findings to the real one.
 */
function rememberUnloaded(model: Model, kind: Kind, data: unknown, file: string): void {
  const id = (data as { id?: unknown } | null)?.id;
  if (typeof id === 'string') model.unloaded.add(`${kind}:${id}`);
  const name = file.split('/').pop()!.replace(/\.yaml$/, '');
  // Goals and dimensions are named <id>-<kurztitel>.yaml, the others <id>.yaml.
  model.unloaded.add(`${kind}:${kind === 'ziel' || kind === 'dimension' ? name.split('-')[0] : name}`);
}
