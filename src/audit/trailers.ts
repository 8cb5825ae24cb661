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
/** The version of the record's format (Verbund-Freigabe). */
export const VERSION = '1';

/** One digest over the basis files (path and SHA-256 of each, sorted): what the decision's rules and identities were. */
export function basisDigest(basis: readonly { path: string; sha256: string }[]): string {
  const lines = sortedBasis(basis).map((b) => `${b.sha256}  ${b.path}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** The basis files by path: the order of the record, as `sha256sum` would list them. */
function sortedBasis<T extends { path: string }>(basis: readonly T[]): T[] {
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
function requirementKey(r: Decision['requirements'][number]): string {
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
