import type { ErrorObject } from 'ajv';
import { finding, formatPath, pointer, type DataPath, type Finding } from '../findings/finding';
import type { SourceFile } from './source-file';

/**
 * Turns Ajv's errors into German findings at the line and column of the offending node.
 * Summary errors of if/then/else are dropped: the branch that applied reports the cause.
 */
export function schemaFindings(source: SourceFile, errors: readonly ErrorObject[], data: unknown): Finding[] {
  // A list item may state its type twice (beside its $ref, for a fast uniqueness check): one
  // finding per value and type, the one whose schema explains itself (the referenced one).
  const repeated = (e: ErrorObject) => e.keyword === 'type' && e.schemaPath.endsWith('/items/type');
  const typed = new Set(errors.filter((e) => e.keyword === 'type' && !repeated(e)).map((e) => e.instancePath));
  return (
    errors
      // The propertyNames error names the bad key; the errors inside it would point elsewhere.
      .filter((error) => error.keyword !== 'if' && (error.propertyName === undefined || error.keyword === 'propertyNames'))
      .filter((error) => !(repeated(error) && typed.has(error.instancePath)))
      .map((error) => {
        const path = pointerToPath(error.instancePath, data);
        const { at, message } = moneyAsNumber(error, path, source) ?? describe(error, path);
        const place = { ...source.locate(at.path, { key: at.key }), subject: `datei:${source.file}`, path: pointer(at.path) };
        return finding('error', 'schema', place, message);
      })
  );
}

/**
 * An amount of money written as a YAML number (`betrag: 1200.50`): the parser has already made
 * it 1200.5, so the message quotes what was written and shows the quoted form with two places.
 */
function moneyAsNumber(error: ErrorObject, path: DataPath, source: SourceFile): { at: Target; message: string } | undefined {
  const pattern = (error.parentSchema as { pattern?: string } | undefined)?.pattern;
  if (error.keyword !== 'type' || typeof error.data !== 'number' || pattern !== MONEY_PATTERN) return undefined;
  const written = source.written(path);
  const [euros, cents = ''] = written.split('.');
  const fits = /^\d{1,13}(\.\d{0,2})?$/.test(written);
  const quoted = fits ? `"${euros}.${cents.padEnd(2, '0')}"` : '"12345.67"';
  const limit = fits ? '' : ' (höchstens 13 Stellen vor dem Punkt, also bis "9999999999999.99")';
  return {
    at: { path, key: false },
    message: `Bei „${formatPath(path)}“: der Betrag ${written} steht als Zahl da; Beträge stehen als Text mit Punkt und genau zwei Nachkommastellen in Anführungszeichen, damit nichts gerundet wird: ${quoted}${limit}.`,
  };
}

/** The schema pattern of an amount of money (kostenschluessel.schema.json#/$defs/betrag). */
const MONEY_PATTERN = '^(0|[1-9][0-9]{0,12})\\.[0-9]{2}$';

interface Target {
  path: DataPath;
  key: boolean;
}

function describe(error: ErrorObject, path: DataPath): { at: Target; message: string } {
  const where = path.length === 0 ? 'Auf oberster Ebene' : `Bei „${formatPath(path)}“`;
  const params = error.params as Record<string, unknown>;
  // A secret (writeOnly in the schema) is never repeated: messages land in CI logs and annotations.
  const secret = (error.parentSchema as { writeOnly?: boolean } | undefined)?.writeOnly === true;
  const value = (): string => (secret ? 'der geheime Wert (hier nicht wiederholt)' : quote(error.data));
  const hint = (): string => {
    const description = (error.parentSchema as { description?: string } | undefined)?.description;
    const leaked = secret && typeof error.data === 'string' ? ' Steht er schon in einem Commit, bitte das Geheimnis wechseln.' : '';
    return (description ? ` Hinweis: ${description}` : '') + leaked;
  };
  const here: Target = { path, key: false };
  // The else branch of a value-or-open field: say that open is allowed too.
  const orOpen = () => (/\/else\/[^/]+$/.test(error.schemaPath) ? ' (oder „offen: <Begründung>“, wenn der Wert unbekannt ist)' : '');
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return {
        at: { path: [...path, key], key: true },
        message: `${where}: unbekannter Schlüssel „${key}“. Erlaubt sind: ${allowed.join(', ')}.`,
      };
    }
    case 'required':
      return { at: here, message: `${where}: Pflichtfeld „${String(params.missingProperty)}“ fehlt.` };
    case 'false schema': {
      // A field the schema rules out where it stands (e.g. anteile in a distribution of art gleich).
      const key = path[path.length - 1];
      const parent = path.length <= 1 ? 'Auf oberster Ebene' : `Bei „${formatPath(path.slice(0, -1))}“`;
      return { at: { path, key: true }, message: `${parent}: „${String(key)}“ gehört nicht zu dieser Art und wird nicht verwendet; bitte entfernen.` };
    }
    case 'type':
      return {
        at: here,
        message: `${where}: ${value()} hat den falschen Typ; erwartet ist ${typeName(String(params.type))}${orOpen()}.${quoting(error.data, String(params.type))}${hint()}`,
      };
    case 'enum':
      return {
        at: here,
        message: `${where}: ${value()} ist nicht erlaubt. Erlaubt sind: ${(params.allowedValues as unknown[]).map(quote).join(', ')}${orOpen()}.`,
      };
    case 'const':
      return { at: here, message: `${where}: ${value()} ist nicht erlaubt; erwartet ist ${quote(params.allowedValue)}.` };
    case 'pattern':
    case 'format':
      if (typeof error.data === 'string' && error.data.trim() === '') return { at: here, message: `${where}: der Text darf nicht leer sein.` };
      return { at: here, message: `${where}: ${value()} hat nicht das erwartete Format${orOpen()}.${hint()}` };
    case 'minimum':
    case 'maximum':
      return {
        at: here,
        message: `${where}: ${value()} liegt außerhalb des erlaubten Bereichs (${error.keyword === 'minimum' ? 'mindestens' : 'höchstens'} ${String(params.limit)}).${hint()}`,
      };
    case 'minLength':
      return { at: here, message: `${where}: der Text darf nicht leer sein.` };
    case 'minItems':
      return { at: here, message: `${where}: die Liste braucht mindestens ${String(params.limit)} Eintrag/Einträge.` };
    case 'uniqueItems':
      return {
        at: { path: [...path, Number(params.i)], key: false },
        message: `${where}: Eintrag ${Number(params.i) + 1} und ${Number(params.j) + 1} sind gleich; jeder Eintrag darf nur einmal vorkommen.`,
      };
    case 'not':
      return { at: here, message: `${where}: diese Angaben schließen sich aus.${hint()}` };
    case 'dependentRequired':
      return { at: here, message: `${where}: „${String(params.property)}“ verlangt auch „${String(params.missingProperty)}“.` };
    case 'minProperties':
    case 'maxProperties':
      return {
        at: here,
        message: `${where}: erwartet ${error.keyword === 'minProperties' ? 'mindestens' : 'höchstens'} ${String(params.limit)} Angabe(n).${hint()}`,
      };
    case 'multipleOf':
      return {
        at: here,
        message: `${where}: ${value()} hat zu viele Nachkommastellen (erlaubt sind Schritte von ${String(params.multipleOf).replace('.', ',')}).${hint()}`,
      };
    case 'exclusiveMinimum':
      return { at: here, message: `${where}: ${value()} muss größer als ${String(params.limit)} sein.${hint()}` };
    case 'propertyNames':
      return {
        at: { path: [...path, String(params.propertyName)], key: true },
        message: `${where}: der Schlüssel „${String(params.propertyName)}“ ist hier nicht erlaubt; ${keyRule(error.schema)}.`,
      };
    default:
      return { at: here, message: `${where}: verletzt die Schema-Regel „${error.keyword}“ (${error.message ?? ''}).` };
  }
}

/** JSON pointer → path; segments that index a list become numbers, map keys stay text. */
function pointerToPath(pointer: string, data: unknown): DataPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) ? Number(segment) : segment;
    path.push(key);
    node = (node as Record<string | number, unknown> | undefined)?.[key];
  }
  return path;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'eine Zuordnung (Schlüssel: Wert)',
  array: 'eine Liste',
  string: 'ein Text',
  integer: 'eine ganze Zahl',
  number: 'eine Zahl',
  boolean: 'true oder false',
  null: 'leer',
};

function typeName(type: string): string {
  return type
    .split(',')
    .map((t) => TYPE_NAMES[t] ?? t)
    .join(' oder ');
}

/** What keys of a map must look like, from its propertyNames schema. */
function keyRule(schema: unknown): string {
  const ref = (schema as { $ref?: string } | undefined)?.$ref ?? '';
  if (ref.endsWith('/slug')) return 'erlaubt sind Kennungen aus Kleinbuchstaben, Ziffern und Bindestrichen (z. B. offener-wert)';
  return 'erlaubt sind Namen aus Buchstaben und Ziffern, beginnend mit einem Kleinbuchstaben (z. B. gesellschaft)';
}

/** A number where text is expected, or digits in quotes where a number is expected: say how to write it. */
function quoting(data: unknown, expected: string): string {
  if (expected === 'string' && (typeof data === 'number' || typeof data === 'boolean')) return ` Als Text in Anführungszeichen schreiben: "${String(data)}".`;
  if (/integer|number/.test(expected) && typeof data === 'string' && /^-?\d+(\.\d+)?$/.test(data.trim())) return ' Als Zahl ohne Anführungszeichen schreiben.';
  return '';
}

function quote(value: unknown): string {
  if (value === null || value === undefined) return 'ein leerer Wert';
  if (typeof value === 'number') return `die Zahl ${String(value)}`;
  if (typeof value === 'boolean') return `der Wert ${String(value)}`;
  if (typeof value === 'object') return Array.isArray(value) ? 'eine Liste' : 'eine Zuordnung';
  const text = String(value);
  return `„${text.length > 60 ? text.slice(0, 57) + '…' : text}“`;
}
