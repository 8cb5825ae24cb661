import { createHash } from 'node:crypto';
import type { Decision, VoteRecord } from '../approvals/decision';
import type { GithubUser } from '../approvals/snapshot';

/**
 * The decision record as git trailers in the merge commit: covered by the commit hash chain,
 * readable with `git interpret-trailers --parse`, travelling with every clone. One line per
 * fact, every value a run of tokens without spaces (ids, logins, shas, ISO times) or, for the
 * resolution, the line the pull request gave ("Gremium; JJJJ-MM-TT; Nummer").
 */
export interface Evidence {
  repo: string;
  pullRequest: number;
  author: GithubUser;
  base: string;
  head: string;
  headTree: string;
  /** The rule and identity files the decision rested on, each with its SHA-256, and one digest over them all (see basisDigest). */
  basis: { path: string; sha256: string }[];
  basisSha256: string;
  rules: string[];
  votes: EvidenceVote[];
  /** The resolution line ("HVB-Runde; 2026-03-01; HVB-2026-04"), where a rule demanded one. */
  resolution?: string;
  decidedAt: string;
  tool: string;
}

export interface EvidenceVote {
  /** The requirement it counted for, as a key: hvb:<member>, alle-hvb, quorum:<body>:<share>, gruppe:<group>. */
  requirement: string;
  member?: string;
  role: VoteRecord['role'];
  userId: number;
  login: string;
  reviewId: number;
  submittedAt: string;
  commitId: string;
  /** The delegation used: from, to, valid from, valid until. */
  delegation?: { von: string; an: string; ab: string; bis?: string };
}

export const TRAILER_PREFIX = 'Verbund-';

/** A value the record cannot carry without splitting a trailer or ending the block: nothing is written. */
export class UnwritableEvidence extends Error {
  constructor(readonly value: string) {
    super(`Unzulässiger Wert im Nachweis: ${JSON.stringify(value)}`);
  }
}
const VERSION = '1';

/** One digest over the basis files (path and SHA-256 of each, sorted): what the decision's rules and identities were. */
export function basisDigest(basis: readonly { path: string; sha256: string }[]): string {
  const lines = sortedBasis(basis).map((b) => `${b.sha256}  ${b.path}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** The basis files by path: the order of the record, as `sha256sum` would list them. */
export function sortedBasis<T extends { path: string }>(basis: readonly T[]): T[] {
  return [...basis].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The trailer lines of an approved decision (one "Key: value" per line, no blank line). */
export function decisionTrailers(decision: Decision): string[] {
  const token = (value: string | number): string => {
    const text = String(value);
    // Fail closed: a value that would split a trailer, or end the block, is never written.
    if (!/^[\p{L}\p{N}._:/@+\-,=]+$/u.test(text)) throw new UnwritableEvidence(text);
    return text;
  };
  const lines = [
    `Verbund-Freigabe: ${VERSION}`,
    `Verbund-Pull-Request: ${token(decision.repo)}#${decision.pullRequest}`,
    `Verbund-Autor: id=${decision.author.id} login=${token(decision.author.login)}`,
    `Verbund-Basis: ${token(decision.base.sha)}`,
    `Verbund-Kopf: ${token(decision.head.sha)} baum=${token(decision.head.tree)}`,
    `Verbund-Grundlage: dateien=${decision.basis.length} sha256=${basisDigest(decision.basis)}`,
    ...sortedBasis(decision.basis).map((b) => `Verbund-Datei: ${token(b.sha256)} ${token(b.path)}`),
    `Verbund-Regeln: ${decisionRules(decision).map(token).join(',') || 'keine'}`,
  ];
  for (const v of evidenceVotes(decision)) {
    const parts = [
      `anforderung=${token(v.requirement)}`,
      ...(v.member ? [`mitglied=${token(v.member)}`] : []),
      `rolle=${v.role}`,
      `id=${v.userId}`,
      `login=${token(v.login)}`,
      `review=${v.reviewId}`,
      `zeit=${token(v.submittedAt)}`,
      `commit=${token(v.commitId)}`,
      ...(v.delegation ? [`delegation=${[v.delegation.von, v.delegation.an, v.delegation.ab, v.delegation.bis ?? ''].map(token).join(':')}`] : []),
    ];
    lines.push(`Verbund-Stimme: ${parts.join(' ')}`);
  }
  const found = decision.resolution?.found;
  if (found) lines.push(`Verbund-Beschluss: ${oneLine(found.gremium)}; ${token(found.datum)}; ${oneLine(found.nummer)}`);
  lines.push(`Verbund-Entschieden: ${token(decision.evaluatedAt)} ${token(decision.tool ? `${decision.tool.name}/${decision.tool.version}` : 'verbund')}`);
  return lines;
}

/** The rules a decision applied, sorted: what the record names. */
export function decisionRules(decision: Pick<Decision, 'requirements'>): string[] {
  return [...new Set(decision.requirements.flatMap((r) => r.rules))].sort();
}

/** Each vote of a decision as the record holds it: one per requirement it counted for. */
export function evidenceVotes(decision: Pick<Decision, 'requirements'>): EvidenceVote[] {
  return decision.requirements.flatMap((r) =>
    r.votes.map((v) => ({
      requirement: requirementKey(r),
      ...(v.member ? { member: v.member } : {}),
      role: v.role,
      userId: v.userId,
      login: v.login,
      reviewId: v.reviewId,
      submittedAt: v.submittedAt,
      commitId: v.commitId,
      ...(v.delegation
        ? {
            delegation: {
              von: v.delegation.von,
              an: v.delegation.an,
              ab: v.delegation.gueltig.von,
              ...(v.delegation.gueltig.bis ? { bis: v.delegation.gueltig.bis } : {}),
            },
          }
        : {}),
    })),
  );
}

/** A vote as one comparable line (what its trailer says, field by field). */
export function voteKey(v: EvidenceVote): string {
  const d = v.delegation;
  return [
    v.requirement,
    v.member ?? '',
    v.role,
    v.userId,
    v.login,
    v.reviewId,
    v.submittedAt,
    v.commitId,
    d ? `${d.von}:${d.an}:${d.ab}:${d.bis ?? ''}` : '',
  ].join(' ');
}

/** The key of a requirement in the record: what it demanded, without the German description. */
export function requirementKey(r: Decision['requirements'][number]): string {
  switch (r.kind) {
    case 'hvb-des-mitglieds':
      return `hvb:${r.member}`;
    case 'quorum':
      return `quorum:${r.body}:${r.share}`;
    case 'gruppe':
      return `gruppe:${r.group}`;
    default:
      return r.kind;
  }
}

function oneLine(text: string): string {
  if (/[\r\n;]/.test(text)) throw new UnwritableEvidence(text);
  return text.trim();
}

export type ParsedEvidence = { evidence: Evidence } | { problem: string } | undefined;

/**
 * Reads the evidence from a commit message: the trailers of its last paragraph, as git reads
 * them. Undefined when the commit carries none (a direct push); a problem when it carries
 * Verbund trailers that do not form a complete record.
 */
export function parseEvidence(message: string): ParsedEvidence {
  const paragraphs = message.replace(/\s+$/, '').split(/\n[ \t]*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const block = trailerLines(last);
  const trailers = block.lines.filter(([key]) => key.startsWith(TRAILER_PREFIX));
  if (trailers.length === 0) return undefined;
  const all = (key: string) => trailers.filter(([k]) => k === key).map(([, v]) => v);
  const one = (key: string): string => {
    const values = all(key);
    if (values.length !== 1) throw new EvidenceError(`${key} steht ${values.length}-mal im Nachweis, erwartet genau einmal`);
    return values[0]!;
  };
  try {
    // Only what git reads as trailers counts: a block with a line of free text is none to git.
    if (block.freeText)
      throw new EvidenceError(`der letzte Absatz enthält außer Trailern die Zeile „${block.freeText.slice(0, 60)}“, git liest ihn nicht als Trailer`);
    const unknown = trailers.find(([key]) => !KEYS.has(key));
    if (unknown) throw new EvidenceError(`unbekannter Trailer ${unknown[0]}`);
    if (one('Verbund-Freigabe') !== VERSION) throw new EvidenceError(`unbekannte Fassung des Nachweises „${one('Verbund-Freigabe')}“`);
    const pr = /^([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)#([1-9][0-9]*)$/.exec(one('Verbund-Pull-Request'));
    if (!pr) throw new EvidenceError('Verbund-Pull-Request hat nicht die Form EIGENTÜMER/NAME#NUMMER');
    const author = fields(one('Verbund-Autor'), 'Verbund-Autor');
    const head = /^([0-9a-f]{40,64}) baum=([0-9a-f]{40,64})$/.exec(one('Verbund-Kopf'));
    if (!head) throw new EvidenceError('Verbund-Kopf hat nicht die Form <sha> baum=<sha>');
    const base = one('Verbund-Basis');
    if (!/^[0-9a-f]{40,64}$/.test(base)) throw new EvidenceError('Verbund-Basis ist keine Commit-Kennung');
    const basis = fields(one('Verbund-Grundlage'), 'Verbund-Grundlage');
    const files = all('Verbund-Datei').map(basisFile);
    if (files.length !== integer(basis.dateien, 'Verbund-Grundlage dateien'))
      throw new EvidenceError(`Verbund-Grundlage nennt ${basis.dateien} Dateien, der Nachweis listet ${files.length}`);
    if (new Set(files.map((f) => f.path)).size !== files.length) throw new EvidenceError('eine Datei steht mehrfach in Verbund-Datei');
    if (basisDigest(files) !== basis.sha256) throw new EvidenceError('die Prüfsumme in Verbund-Grundlage passt nicht zu den Verbund-Datei-Zeilen');
    const decided = /^(\S+) ([A-Za-z0-9._-]+\/[A-Za-z0-9._+-]+)$/.exec(one('Verbund-Entschieden'));
    if (!decided || !isInstant(decided[1]!)) throw new EvidenceError('Verbund-Entschieden hat nicht die Form <Zeitpunkt ISO 8601> <werkzeug/fassung>');
    const resolution = all('Verbund-Beschluss');
    if (resolution.length > 1) throw new EvidenceError('mehr als ein Verbund-Beschluss');
    return {
      evidence: {
        repo: pr[1]!,
        pullRequest: integer(pr[2], 'Verbund-Pull-Request Nummer'),
        author: { id: integer(author.id, 'Verbund-Autor id'), login: text(author.login, 'Verbund-Autor login') },
        base,
        head: head[1]!,
        headTree: head[2]!,
        basis: files,
        basisSha256: text(basis.sha256, 'Verbund-Grundlage sha256'),
        rules: one('Verbund-Regeln') === 'keine' ? [] : one('Verbund-Regeln').split(','),
        votes: all('Verbund-Stimme').map(vote),
        ...(resolution.length === 1 ? { resolution: resolution[0]! } : {}),
        decidedAt: decided[1]!,
        tool: decided[2]!,
      },
    };
  } catch (error) {
    if (error instanceof EvidenceError) return { problem: `Der Nachweis im Commit ist unvollständig oder verfälscht: ${error.message}.` };
    throw error;
  }
}

class EvidenceError extends Error {}

/**
 * The "Key: value" lines of a trailer block, unfolded as `git interpret-trailers --parse` does:
 * a line that starts with a blank continues the trailer before it, joined by one space. So the
 * audit reads the same values an auditor reads with git.
 */
function trailerLines(block: string): { lines: [string, string][]; freeText?: string } {
  const lines: [string, string][] = [];
  let freeText: string | undefined;
  let previous: [string, string] | undefined;
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line) && previous) {
      previous[1] = `${previous[1]} ${line.trim()}`.trim();
      continue;
    }
    const m = /^([A-Za-z0-9-]+)[ \t]*:[ \t]*(.*)$/.exec(line);
    previous = m ? [m[1]!, m[2]!.trim()] : undefined;
    if (previous) lines.push(previous);
    else freeText ??= line;
  }
  return { lines, ...(freeText !== undefined ? { freeText } : {}) };
}

const KEYS = new Set([
  'Verbund-Freigabe',
  'Verbund-Pull-Request',
  'Verbund-Autor',
  'Verbund-Basis',
  'Verbund-Kopf',
  'Verbund-Grundlage',
  'Verbund-Datei',
  'Verbund-Regeln',
  'Verbund-Stimme',
  'Verbund-Beschluss',
  'Verbund-Entschieden',
]);
const VOTE_FIELDS = new Set(['anforderung', 'mitglied', 'rolle', 'id', 'login', 'review', 'zeit', 'commit', 'delegation']);

/** An ISO 8601 instant as GitHub and verbund write them (2026-03-01T10:00:00Z, with fraction or offset). */
function isInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text));
}

function basisFile(value: string): { path: string; sha256: string } {
  const m = /^([0-9a-f]{64}) (\S+)$/.exec(value);
  if (!m) throw new EvidenceError(`Verbund-Datei hat nicht die Form <sha256> <pfad>: „${value}“`);
  return { sha256: m[1]!, path: m[2]! };
}

function vote(value: string): EvidenceVote {
  const f = fields(value, 'Verbund-Stimme');
  const extra = Object.keys(f).find((key) => !VOTE_FIELDS.has(key));
  if (extra) throw new EvidenceError(`Verbund-Stimme mit unbekanntem Feld „${extra}“`);
  if (!f.commit || !/^[0-9a-f]{40,64}$/.test(f.commit)) throw new EvidenceError('Verbund-Stimme commit ist keine Commit-Kennung');
  if (!f.zeit || !isInstant(f.zeit)) throw new EvidenceError('Verbund-Stimme zeit ist kein Zeitpunkt');
  const role = f.rolle;
  if (role !== 'hvb' && role !== 'delegation' && role !== 'gruppe') throw new EvidenceError(`Verbund-Stimme mit unbekannter Rolle „${role ?? ''}“`);
  const [von, an, ab, bis] = (f.delegation ?? '').split(':');
  return {
    requirement: text(f.anforderung, 'Verbund-Stimme anforderung'),
    ...(f.mitglied ? { member: f.mitglied } : {}),
    role,
    userId: integer(f.id, 'Verbund-Stimme id'),
    login: text(f.login, 'Verbund-Stimme login'),
    reviewId: integer(f.review, 'Verbund-Stimme review'),
    submittedAt: text(f.zeit, 'Verbund-Stimme zeit'),
    commitId: text(f.commit, 'Verbund-Stimme commit'),
    ...(f.delegation ? { delegation: { von: von!, an: an ?? '', ab: ab ?? '', ...(bis ? { bis } : {}) } } : {}),
  };
}

/** "a=1 b=x" → { a: '1', b: 'x' }; a key twice is a forgery. */
function fields(value: string, trailer: string): Record<string, string | undefined> {
  const out: Record<string, string> = {};
  for (const part of value.split(' ').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    if (eq < 1 || key in out) throw new EvidenceError(`${trailer} hat ein unlesbares Feld „${part}“`);
    out[key] = part.slice(eq + 1);
  }
  return out;
}

function integer(value: string | undefined, what: string): number {
  if (!value || !/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) throw new EvidenceError(`${what} fehlt oder ist keine Zahl`);
  return Number(value);
}

function text(value: string | undefined, what: string): string {
  if (!value) throw new EvidenceError(`${what} fehlt`);
  return value;
}
