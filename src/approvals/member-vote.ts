import { approversOn, hvbLogin, loginKey } from '../model/approval';
import type { Delegation, Mitglied } from '../model/types';
import { berlinDay } from './berlin';
import type { LastWord } from './votes';

/** A member's one vote: who gave it, in which role, and through which delegation. */
export interface MemberVote {
  word: LastWord;
  role: 'hvb' | 'delegation';
  delegation?: Delegation;
}

/** How a member stands: its vote, or why it has none. */
export interface MemberStanding {
  member: Mitglied;
  vote?: MemberVote;
  /** The HVB said "changes requested": the HVB's latest review decides over a deputy's. */
  refusedByHvb?: LastWord;
}

/**
 * One vote per member: the HVB's approval, or an approval by someone who may approve for the
 * member on the day of the review (Europe/Berlin) through a recorded delegation. If the HVB
 * requested changes, the member has no vote, whatever a deputy said.
 */
export function memberStanding(member: Mitglied, words: readonly LastWord[]): MemberStanding {
  const hvb = hvbLogin(member);
  const hvbWord = hvb === undefined ? undefined : words.find((w) => w.person === hvb);
  if (hvbWord?.outcome === 'abgelehnt') return { member, refusedByHvb: hvbWord };
  if (hvbWord?.outcome === 'zaehlt' && approversOn(member, berlinDay(hvbWord.review.submittedAt)).has(hvb!)) {
    return { member, vote: { word: hvbWord, role: 'hvb' } };
  }
  for (const word of words) {
    if (word.outcome !== 'zaehlt' || word === hvbWord) continue;
    const day = berlinDay(word.review.submittedAt);
    if (!approversOn(member, day).has(word.person)) continue;
    return { member, vote: { word, role: 'delegation', ...delegationTo(member, word.person, day) } };
  }
  return { member };
}

/** The delegation in force on `day` that names `person` (for the record). */
function delegationTo(member: Mitglied, person: string, day: string): { delegation?: Delegation } {
  const delegation = (member.delegationen ?? []).find(
    (d) => loginKey(d.an) === person && d.gueltig.von <= day && (d.gueltig.bis === undefined || day <= d.gueltig.bis),
  );
  return delegation ? { delegation } : {};
}

/** Who could give the member's vote today (for "missing": whom to ask). */
export function possibleApprovers(member: Mitglied, day: string, author: string): string[] {
  return [...approversOn(member, day)].filter((login) => login !== author).sort();
}
