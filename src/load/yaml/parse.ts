import { loadAll, YAMLException, type LoadOptions } from 'js-yaml';
import { RESERVED_KEYS } from '../reserved-keys';
import { germanParserMessage } from './messages';
import { MapPositions, type PositionNode } from './positions';
import { YAML_12_CORE } from './scalars';

/** A problem that makes the file unusable, at a character offset. */
export interface ParseIssue {
  rule: 'yaml-syntax' | 'yaml-doppelter-schluessel' | 'yaml-alias' | 'yaml-reservierter-schluessel' | 'yaml-mehrere-dokumente';
  offset: number;
  message: string;
}

export type ParseResult = { ok: true; data: unknown; positions: PositionNode | undefined } | { ok: false; issues: ParseIssue[] };

const EXPLICIT_KEY = 'Schlüssel mit „?“ sind nicht erlaubt; bitte jeden Eintrag als „schlüssel: wert“ schreiben.';

/** Nesting deeper than this is an error (js-yaml's own guard against stack exhaustion). */
export const MAX_DEPTH = 100;

/** A node that js-yaml has opened and not yet closed; children are recorded as they close. */
interface Frame {
  open: number;
  children?: Child[];
}

interface Child {
  node: PositionNode;
  value: unknown;
  kind: string | null;
  isKey: boolean;
}

const NO_CHILDREN: readonly Child[] = [];

interface ListenerState {
  input: string;
  position: number;
  result: unknown;
  kind: string | null;
}

/**
 * Parses one YAML file with js-yaml (pinned exactly in package.json) in one pass: the data, the
 * position of every node, and every construct governance files do not allow (anchors, aliases,
 * tags, complex, null and reserved keys, several documents, a %YAML version other than 1.2).
 * This single parse decides validity and data; a differential test holds it to the `yaml`
 * library on mutated files.
 */
export function parseYaml(text: string): ParseResult {
  // js-yaml drops a byte order mark itself; offsets must count from the same first character.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const directive = yamlDirectiveIssue(text) ?? markerIssue(text);
  if (directive) return { ok: false, issues: [directive] };
  const tracker = new PositionTracker(text);
  let documents: unknown[];
  try {
    // maxDepth exists in the pinned js-yaml 4.3 but not yet in its published types.
    const options = {
      schema: YAML_12_CORE,
      maxDepth: MAX_DEPTH,
      listener: (event, state) => tracker.on(event, state as unknown as ListenerState),
      onWarning: (warning: YAMLException) => {
        throw warning;
      },
    } as LoadOptions;
    documents = loadAll(text, null, options);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return { ok: false, issues: [exceptionIssue(error, text)] };
  }
  if (tracker.issues.length > 0) return { ok: false, issues: tracker.issues };
  if (documents.length === 0 || (documents.length === 1 && documents[0] === null))
    return { ok: false, issues: [{ rule: 'yaml-syntax', offset: 0, message: 'Die Datei ist leer.' }] };
  if (documents.length > 1) {
    const second = tracker.roots[1] === undefined ? 0 : startOf(tracker.roots[1]);
    const separator = text.lastIndexOf('\n---', second);
    const offset = separator === -1 ? second : separator + 1;
    return {
      ok: false,
      issues: [{ rule: 'yaml-mehrere-dokumente', offset, message: 'Die Datei enthält mehrere YAML-Dokumente (---); erlaubt ist genau eines je Datei.' }],
    };
  }
  return { ok: true, data: documents[0], positions: tracker.roots[0] };
}

function startOf(node: PositionNode): number {
  return typeof node === 'number' ? node : node.start;
}

function exceptionIssue(error: YAMLException, text: string): ParseIssue {
  const reason = error.reason ?? error.message;
  let offset = Math.min(error.mark?.position ?? 0, text.length);
  // js-yaml reports a bad tag at the end of its node; point at the tag itself.
  if (/\btag\b/.test(reason)) {
    const tag = text.lastIndexOf('!', offset);
    let start = tag;
    while (start > 0 && text[start - 1] === '!') start--;
    if (tag !== -1 && text.lastIndexOf('\n', offset - 1) < start) offset = start;
  }
  const rule = reason === 'duplicated mapping key' ? 'yaml-doppelter-schluessel' : 'yaml-syntax';
  if (rule === 'yaml-doppelter-schluessel') {
    const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^:#\n]*?))\s*:/.exec(text.slice(offset, offset + 1100));
    const name = key ? (key[1] ?? key[2] ?? key[3] ?? '') : '';
    if (name)
      return { rule, offset, message: `Der Schlüssel „${name.slice(0, 80)}“ kommt in dieser Zuordnung doppelt vor; jeder Schlüssel darf nur einmal stehen.` };
  }
  return { rule, offset, message: germanParserMessage(reason) };
}

/**
 * Only YAML 1.2 is read: a %YAML 1.1 directive would change what `yes` or `0755` mean, and
 * %TAG only serves tags, which are not allowed. Every directive before the document is checked.
 */
function yamlDirectiveIssue(text: string): ParseIssue | undefined {
  let offset = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
    const line = text.slice(offset, end);
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) {
      if (!line.startsWith('%')) return undefined;
      const version = /^%YAML[ \t]+([^\s#]*)/.exec(line);
      if (version?.[1] !== '1.2') {
        const message = version
          ? `Die Direktive %YAML ${version[1]} ist nicht erlaubt; Governance-Dateien sind YAML 1.2 (die Direktive weglassen oder %YAML 1.2 schreiben).`
          : `Die Direktive „${line.split(/[ \t]/)[0]}“ ist nicht erlaubt; Governance-Dateien brauchen keine Direktive außer %YAML 1.2.`;
        return { rule: 'yaml-syntax', offset: version ? offset + line.indexOf(version[1]!, 5) : offset, message };
      }
    }
    offset = end + 1;
  }
  return undefined;
}

/**
 * "---" or "..." at the start of a line followed by text on the same line: YAML and js-yaml
 * disagree on what it means (a marker, or the start of a value); governance files never need it.
 */
function markerIssue(text: string): ParseIssue | undefined {
  const marker = /^(?:---|\.\.\.)(?=[^\s]|[ \t]+[^\s#])/m.exec(text);
  if (!marker) return undefined;
  return {
    rule: 'yaml-syntax',
    offset: marker.index,
    message: `Nach „${marker[0]}“ am Zeilenanfang darf in derselben Zeile nichts folgen; der Inhalt beginnt in der nächsten Zeile.`,
  };
}

class PositionTracker {
  readonly roots: PositionNode[] = [];
  readonly issues: ParseIssue[] = [];
  private readonly stack: Frame[] = [];
  private aliasSeen = false;

  constructor(private readonly text: string) {}

  on(event: 'open' | 'close', state: ListenerState): void {
    if (event === 'open') {
      this.stack.push({ open: state.position });
      return;
    }
    const frame = this.stack.pop()!;
    const node = this.close(frame, state);
    this.checkCommentAfter(state.position);
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.roots.push(node);
      return;
    }
    (parent.children ??= []).push({ node, value: state.result, kind: state.kind, isKey: this.followedByColon(state.position) });
  }

  private close(frame: Frame, state: ListenerState): PositionNode {
    const { result, kind } = state;
    // js-yaml composes a plain scalar inside an attempt to read a block mapping: the inner
    // node is the same value, so the wrapper collapses into it.
    const children = frame.children ?? NO_CHILDREN;
    if (children.length === 1 && children[0]!.value === result && children[0]!.kind === kind) {
      // The wrapper may still carry the properties (`&a # …` on the line before the node).
      const inner = startOf(children[0]!.node);
      const before = this.contentStart(frame.open, inner);
      if (before < inner) this.checkProperties(before);
      return children[0]!.node;
    }
    const start = kind === null && result === null ? frame.open : this.contentStart(frame.open, state.position);
    // An empty value may still carry an anchor or a tag (`c: &a`): look past the blanks for it.
    const properties = kind === null && result === null ? this.afterBlanks(start, state.position) : start;
    if (properties < state.position) this.checkProperties(properties);
    for (const child of children) if (this.explicitKeyBefore(startOf(child.node))) this.issue('yaml-syntax', startOf(child.node), EXPLICIT_KEY);
    if ((kind === 'mapping' || kind === 'sequence') && (this.text[start] === '[' || this.text[start] === '{')) this.checkFlowComments(start, state.position);
    if (kind === 'mapping') return this.mapping(children, start, result as object);
    if (kind === 'sequence') return this.sequence(children, start);
    return start;
  }

  private mapping(children: readonly Child[], start: number, result: object): MapPositions {
    const entries = new MapPositions(start, children.length >> 1);
    for (let i = 0; i < children.length; i += 2) {
      const keyChild = children[i]!;
      // A failed attempt to read one more key (at "..." or the end) leaves an empty node.
      if (!keyChild.isKey && keyChild.kind === null && keyChild.value === null) {
        i--;
        continue;
      }
      const valueChild = children[i + 1];
      const keyAt = startOf(keyChild.node);
      if (!keyChild.isKey || valueChild === undefined || valueChild.isKey) {
        this.issue(
          'yaml-syntax',
          keyAt,
          'Jeder Schlüssel einer Zuordnung braucht die Form „schlüssel: wert“; Schlüssel mit „?“ und Schlüssel ohne Wert sind nicht erlaubt.',
        );
        return entries;
      }
      const key = keyChild.value;
      if (key === null) this.issue('yaml-syntax', keyAt, 'Ein Schlüssel darf nicht leer sein (~ oder null); bitte einen Namen angeben.');
      else if (typeof key === 'object') this.issue('yaml-syntax', keyAt, 'Eine Liste oder Zuordnung kann kein Schlüssel sein; Schlüssel sind einfache Namen.');
      else if (RESERVED_KEYS.has(String(key)))
        this.issue('yaml-reservierter-schluessel', keyAt, `Der Schlüssel „${String(key)}“ ist reserviert und nicht erlaubt.`);
      entries.add(String(key), keyAt, valueChild.node);
    }
    if (entries.length !== Object.keys(result).length && this.issues.length === 0) {
      this.issue('yaml-syntax', start, 'Diese Zuordnung nutzt eine nicht unterstützte Schreibweise; bitte jeden Eintrag als „schlüssel: wert“ schreiben.');
    }
    return entries;
  }

  private sequence(children: readonly Child[], start: number): PositionNode {
    // [a: b] makes a one-pair mapping inside a list without a node of its own.
    const pair = children.find((child) => child.isKey);
    if (pair) this.issue('yaml-syntax', startOf(pair.node), 'Eine Zuordnung in einer Liste in Klammern bitte als { schlüssel: wert } schreiben.');
    return { start, items: children.map((child) => child.node) };
  }

  private checkProperties(start: number): void {
    const ch = this.text[start];
    if (ch === '!') this.issue('yaml-syntax', start, 'YAML-Markierungen (Tags wie !!str oder !!js/function) sind in Governance-Dateien nicht erlaubt.');
    else if ((ch === '&' || ch === '*') && !this.aliasSeen) {
      this.aliasSeen = true;
      this.issue(
        'yaml-alias',
        start,
        'Anker (&name) und Aliase (*name) sind in Governance-Dateien nicht erlaubt: jeder Wert steht ausgeschrieben dort, wo er gilt (Schutz vor Alias-Bomben).',
      );
    }
  }

  /** The first offset from `from` (before `to`) that is not a space or a tab. */
  private afterBlanks(from: number, to: number): number {
    let i = from;
    while (i < to && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    return i;
  }

  /** A "?" indicator (explicit key) right before a node: `? a: b`, `{ ? a }`, `[? a]`. */
  private explicitKeyBefore(offset: number): boolean {
    const text = this.text;
    let i = offset - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
    if (i < 0 || text[i] !== '?' || i === offset - 1) return false;
    const before = i === 0 ? '\n' : text[i - 1]!;
    return ' \t\n\r[{,'.includes(before);
  }

  /** In brackets, "#" right after "[", "{" or "," is a comment for js-yaml but an error in YAML 1.2. */
  private checkFlowComments(start: number, end: number): void {
    const text = this.text;
    let quote = '';
    for (let i = start; i < end; i++) {
      const ch = text[i];
      if (quote) {
        if (ch === '\\' && quote === '"') i++;
        else if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") {
        if (i === start || ' \t\n[{,:'.includes(text[i - 1]!)) quote = ch;
      } else if (ch === '#' && '[{,'.includes(text[i - 1]!)) {
        this.issue('yaml-syntax', i, 'Vor einem Kommentar („#“) muss ein Leerzeichen stehen; gehört „#“ zum Text, den Text in Anführungszeichen setzen.');
        return;
      }
    }
  }

  /** YAML 1.2 needs a space before "#"; js-yaml alone would read `"a"#b` as a value and a comment. */
  private checkCommentAfter(position: number): void {
    if (this.text[position] !== '#' || position === 0) return;
    const before = this.text[position - 1];
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') {
      this.issue('yaml-syntax', position, 'Vor einem Kommentar („#“) muss ein Leerzeichen stehen; gehört „#“ zum Text, den Text in Anführungszeichen setzen.');
    }
  }

  /** Skips the spaces, line breaks and comments js-yaml passed over before the node's content. */
  private contentStart(from: number, end: number): number {
    const text = this.text;
    let i = from;
    while (i < end) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') i++;
      else if (ch === '#') while (i < end && text[i] !== '\n') i++;
      else break;
    }
    return i < end ? i : from;
  }

  /** A key is followed, on its own line, by ":" (block or flow style). */
  private followedByColon(position: number): boolean {
    const text = this.text;
    let i = position;
    while (text[i] === ' ' || text[i] === '\t') i++;
    return text[i] === ':';
  }

  private issue(rule: ParseIssue['rule'], offset: number, message: string): void {
    if (this.issues.length < 100) this.issues.push({ rule, offset, message });
  }
}
