import { loginKey } from '../model/approval';
import type { Mitglied } from '../model/types';
import { bekannt } from '../model/types';
import type { GithubUser, Review, Snapshot } from './snapshot';

/** A review that counts as an approval: the reviewer's latest word, given on the head's tree. */
export interface Approval {
  review: Review;
  /** The login key the person has in governance (after a rename: the recorded one). */
  person: string;
}

/** What a reviewer said last, and what became of it (for the record and the summary). */
export interface LastWord {
  review: Review;
  person: string;
  outcome: 'zaehlt' | 'veraltet' | 'abgelehnt' | 'zurueckgezogen';
}

/**
 * Who each reviewer is in governance terms. Logins compare case-insensitively; where a member
 * file records the numeric id (githubId) of an HVB or deputy, that id decides: a renamed login
 * still counts for its person, and a recycled login (same name, other id) counts for no one.
 */
export class Identities {
  private readonly loginById = new Map<number, string>();
  private readonly idByLogin = new Map<string, number>();

  constructor(members: readonly Mitglied[]) {
    for (const m of members) {
      for (const person of [m.hvb, bekannt(m.vertretung)]) {
        const login = bekannt(person?.github);
        if (!person || login === undefined || person.githubId === undefined) continue;
        this.loginById.set(person.githubId, loginKey(login));
        this.idByLogin.set(loginKey(login), person.githubId);
      }
    }
  }

  /** The person's login key in governance, or undefined for a login recorded with another id. */
  personOf(user: GithubUser): string | undefined {
    const recorded = this.loginById.get(user.id);
    if (recorded !== undefined) return recorded;
    const key = loginKey(user.login);
    const id = this.idByLogin.get(key);
    return id === undefined || id === user.id ? key : undefined;
  }
}

const DECIDING: ReadonlySet<Review['state']> = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/**
 * Every reviewer's last word: comments and pending reviews do not count; a later "changes
 * requested" or a dismissal withdraws an approval; an approval on a commit whose tree is not
 * the head's tree says nothing about the current content, so it neither counts nor withdraws
 * an earlier approval of the current tree (it is reported as stale only when it is all the
 * reviewer said). The author's own reviews never count.
 */
export function lastWords(snapshot: Snapshot, identities: Identities): LastWord[] {
  const latest = new Map<number, Review>();
  const stale = new Map<number, Review>();
  for (const review of snapshot.reviews) {
    if (!DECIDING.has(review.state) || review.user.id === snapshot.author.id) continue;
    const onHead = review.state !== 'APPROVED' || snapshot.trees[review.commitId] === snapshot.head.tree;
    const into = onHead ? latest : stale;
    const seen = into.get(review.user.id);
    if (!seen || later(review, seen)) into.set(review.user.id, review);
  }
  for (const [id, review] of stale) if (!latest.has(id)) latest.set(id, review);
  const words: LastWord[] = [];
  for (const review of latest.values()) {
    const person = identities.personOf(review.user);
    if (person === undefined) continue;
    const outcome =
      review.state === 'DISMISSED'
        ? 'zurueckgezogen'
        : review.state === 'CHANGES_REQUESTED'
          ? 'abgelehnt'
          : snapshot.trees[review.commitId] === snapshot.head.tree
            ? 'zaehlt'
            : 'veraltet';
    words.push({ review, person, outcome });
  }
  return words.sort((a, b) => (later(b.review, a.review) ? -1 : 1));
}

function later(a: Review, b: Review): boolean {
  return a.submittedAt > b.submittedAt || (a.submittedAt === b.submittedAt && a.id > b.id);
}
