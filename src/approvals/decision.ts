import type { Resolution } from './resolution';
import type { GithubUser } from './snapshot';

/**
 * The decision record: what the approval check decided and on which evidence. Its JSON form
 * is the output of `verbund approvals --format json` (schema: schemas/output/approvals.schema.json)
 * and what the merge writes into the history, so that an auditor can re-check every change.
 */
export interface Decision {
  ok: boolean;
  /** When it was decided (ISO 8601): who may approve depends on the day. */
  evaluatedAt: string;
  /** The tool that decided, for the record (set by the CLI). */
  tool?: { name: string; version: string };
  repo: string;
  pullRequest: number;
  author: GithubUser;
  base: { sha: string };
  head: { sha: string; tree: string };
  /** The rule and identity files of the base commit the decision rests on. */
  basis: { path: string; sha256: string }[];
  /** Each changed path with the rules that apply to it ("standard": the default rule). */
  paths: { path: string; rules: string[]; owner?: string }[];
  requirements: RequirementResult[];
  resolution?: ResolutionResult;
  /** German sentences a reader needs: why a vote could not count, whom to ask. */
  notes: string[];
}

export type RequirementKind = 'hvb-des-mitglieds' | 'alle-hvb' | 'quorum' | 'gruppe' | 'keine';

export interface RequirementResult {
  /** The rules that demand it (one requirement may be demanded by several rules). */
  rules: string[];
  kind: RequirementKind;
  /** In German, e.g. "HVB von Gemeinde A" or "2/3 der Mitglieder der HVB-Runde". */
  description: string;
  member?: string;
  body?: string;
  group?: string;
  share?: string;
  needed: number;
  approved: number;
  met: boolean;
  votes: VoteRecord[];
  missing: MissingVote[];
}

export interface VoteRecord {
  /** The member the vote is for (absent for a group's vote). */
  member?: string;
  userId: number;
  login: string;
  /** The person's name as governance records it (HVB or general deputy), where it does. */
  name?: string;
  role: 'hvb' | 'delegation' | 'gruppe';
  reviewId: number;
  submittedAt: string;
  commitId: string;
  delegation?: { von: string; an: string; gueltig: { von: string; bis?: string } };
}

export interface MissingVote {
  member?: string;
  /** Whose vote is missing, in German (a member's name, or "1 weitere Person aus Plattform-Team"). */
  name: string;
  /** Logins who could give it today (the author excluded). */
  whoCanApprove: string[];
}

export interface ResolutionResult {
  rules: string[];
  bodies: string[];
  found?: Resolution;
  problem?: string;
}
