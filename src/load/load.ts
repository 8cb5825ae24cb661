import type { ErrorObject } from 'ajv';
import { finding, type Finding } from '../findings/finding';
import { Model, type KindItem } from '../model/model';
import type { KindData } from '../model/types';
import { API_VERSION, kindEntry, type Kind } from '../schema/kinds';
import type { Validators } from '../schema/validators';
import type { FileSource } from '../source/file-source';
import { discoverFiles } from './discover';
import { readYamlFile, type ReadResult } from './read-yaml';
import { schemaFindings } from './schema-findings';
import type { SourceFile } from './source-file';

export interface LoadResult {
  model: Model;
  /** Number of governance files read. */
  files: number;
  /** Files that could not be loaded into the model (unreadable, not YAML, schema errors). */
  unloadedFiles: number;
  /** Findings of the load stage: layout, YAML, format version and schema. */
  findings: Finding[];
}

/** Files whose entries are validated one by one: a bad entry is reported and the others still apply. */
const ENTRY_LISTS: Partial<Record<Kind, readonly string[]>> = { ausnahmen: ['ausnahmen'], pruefregeln: ['schweregrade', 'grundlagen'] };

/** Parsed files by path and content id, shared across loads of many states (FileSource.identity). */
export type ParseCache = Map<string, ReadResult>;

/**
 * Stage 1 of the pipeline: a file source → schema-valid, typed, sorted model. A file that
 * fails to parse or to validate stays out of the model (so rules can trust the types) but its
 * findings are kept, and every other file is still loaded.
 */
export function loadGovernance(source: FileSource, validators: Validators, cache?: ParseCache): LoadResult {
  const { files, findings, unreadableKinds } = discoverFiles(source);
  const model = new Model();
  for (const kind of unreadableKinds) model.markUnloaded(kind);
  let unloadedFiles = 0;
  for (const { file, kind, size } of files) {
    const read = readCached(source, file, kind, size, cache);
    for (const f of read.findings) findings.push(f);
    const data = read.ok ? read.data : undefined;
    const version = read.ok && !kindEntry(kind).foreign ? versionFinding(read.source, data) : undefined;
    if (version) findings.push(version);
    if (!read.ok || version) {
      rememberUnloaded(model, kind, data, file);
      unloadedFiles++;
      continue;
    }
    const validate = validators[kind];
    if (validated.has(data as object) || validate(data)) {
      if (cache && typeof data === 'object' && data !== null) validated.add(data);
      addToModel(model, kind, data as KindData[typeof kind], read.source);
      continue;
    }
    const errors = validate.errors ?? [];
    for (const f of schemaFindings(read.source, errors, data)) findings.push(f);
    const kept = withoutBadEntries(kind, data, errors);
    if (kept !== undefined && validate(kept)) {
      addToModel(model, kind, kept as KindData[typeof kind], read.source, data);
    } else {
      rememberUnloaded(model, kind, data, file);
      unloadedFiles++;
    }
  }
  model.sort();
  return { model, files: files.length, unloadedFiles, findings };
}

/**
 * Parsed data (from the parse cache, so never changed after) that passed its schema: a content
 * shared by many states of a history is validated once. Keyed by the object; a path's kind is fixed.
 */
const validated = new WeakSet<object>();

/** Parses a file, or takes the result of the same path and content from the cache (parsed data is never changed after). */
function readCached(source: FileSource, file: string, kind: Kind, size: number | undefined, cache: ParseCache | undefined): ReadResult {
  const id = cache && source.identity?.(file);
  if (!id) return readYamlFile(source, file, kind, size);
  const key = `${file}\0${id}`;
  let read = cache!.get(key);
  if (!read) cache!.set(key, (read = readYamlFile(source, file, kind, size)));
  return read;
}

/** An unknown or missing format version means this tool cannot know what the file says. */
function versionFinding(source: SourceFile, data: unknown): Finding | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined; // the schema reports it
  const version = (data as { apiVersion?: unknown }).apiVersion;
  if (version === API_VERSION) return undefined;
  if (version === undefined) {
    return finding('error', 'format-version', source.at(0), `Die Formatversion fehlt; bitte als erste Angabe „apiVersion: ${API_VERSION}“ eintragen.`);
  }
  return finding(
    'error',
    'format-version',
    source.locate(['apiVersion']),
    `Die Formatversion „${String(version)}“ kennt dieses Werkzeug nicht; es liest ${API_VERSION}. Eine neuere Version braucht ein neueres Werkzeug.`,
  );
}

/**
 * For files of independent entries: the file without the entries that have schema errors,
 * or undefined if an error lies outside the entries (then the whole file is broken).
 */
function withoutBadEntries(kind: Kind, data: unknown, errors: readonly ErrorObject[]): unknown {
  const lists = ENTRY_LISTS[kind];
  if (!lists) return undefined;
  const bad = new Map<string, Set<string>>(lists.map((list) => [list, new Set<string>()]));
  for (const error of errors) {
    const [list, entry] = badEntry(error, lists) ?? [];
    if (list === undefined || entry === undefined) return undefined;
    bad.get(list)!.add(entry);
  }
  const kept: Record<string, unknown> = { ...(data as object) };
  for (const [list, names] of bad) {
    const entries = kept[list];
    if (entries === undefined || names.size === 0) continue;
    kept[list] = Array.isArray(entries)
      ? entries.filter((_, index) => !names.has(String(index)))
      : Object.fromEntries(Object.entries(entries as object).filter(([key]) => !names.has(key)));
  }
  return kept;
}

/** The list and entry an error lies in, or undefined if it lies outside every entry. */
function badEntry(error: ErrorObject, lists: readonly string[]): [string, string] | undefined {
  for (const list of lists) {
    // A badly written key of a map (propertyNames) belongs to that entry too.
    const name = error.propertyName ?? (error.keyword === 'propertyNames' ? String((error.params as { propertyName?: unknown }).propertyName) : undefined);
    if (error.instancePath === `/${list}` && name !== undefined) return [list, name];
    const prefix = `/${list}/`;
    if (error.instancePath.startsWith(prefix)) return [list, error.instancePath.slice(prefix.length).split('/')[0]!.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return undefined;
}

/** `original` is the file as read, when entries with errors were left out of `data`: positions count in it. */
function addToModel<K extends Kind>(model: Model, kind: K, read: KindData[K], source: SourceFile, original: unknown = read): void {
  const data = kindEntry(kind).foreign ? ({ id: idFromFile(kind, source.file), ...read } as KindData[K]) : read;
  model.register(data, source, [], kindEntry(kind).subject(data as unknown as Record<string, unknown>));
  if (kind !== 'ausnahmen') {
    model.add(kind as Exclude<Kind, 'ausnahmen'>, data as KindItem[Exclude<Kind, 'ausnahmen'>]);
    return;
  }
  const indexOf = new Map((original as KindData['ausnahmen']).ausnahmen.map((entry, index) => [entry, index]));
  for (const ausnahme of (data as KindData['ausnahmen']).ausnahmen) {
    const index = indexOf.get(ausnahme)!;
    model.register(ausnahme, source, ['ausnahmen', index], `ausnahme:${index + 1}`);
    model.add('ausnahme', ausnahme);
  }
}

/**
 * A file that failed to load still stands for its item (by its id, or by its file name):
 * remember it, so that references to it do not add follow-up findings to the real one.
 */
function rememberUnloaded(model: Model, kind: Kind, data: unknown, file: string): void {
  const id = (data as { id?: unknown } | null)?.id;
  if (typeof id === 'string') model.markUnloaded(kind, id);
  if (kindEntry(kind).idFromFileName) model.markUnloaded(kind, idFromFile(kind, file));
}

/** The id a file stands for by its name (files of another tool's format carry it nowhere else). */
function idFromFile(kind: Kind, file: string): string {
  return kindEntry(kind).idFromFileName!(
    file
      .split('/')
      .pop()!
      .replace(/\.yaml$/, ''),
  );
}
