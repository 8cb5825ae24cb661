import { parseFraction } from '../model/fraction';
import { loginKey } from '../model/approval';
import type { Model } from '../model/model';
import { bekannt, type Anforderung, type Mitglied } from '../model/types';
import { Vocabulary } from '../model/vocabulary';
import type { MissingVote, RequirementResult, VoteRecord } from './decision';
import { memberStanding, possibleApprovers, type MemberStanding } from './member-vote';
import type { Snapshot } from './snapshot';
import type { LastWord } from './votes';

/** What every requirement is judged with. */
export interface Context {
  model: Model;
  snapshot: Snapshot;
  words: readonly LastWord[];
  /** Today in Europe/Berlin: who could still approve. */
  today: string;
  /** The author's login key: never one of those to ask. */
  author: string;
  notes: string[];
}

/** A requirement as a rule demands it, for one member where it is a member's. */
export interface Demand {
  requirement: Anforderung;
  owner?: string;
  rules: string[];
}

export function judge(demand: Demand, context: Context): RequirementResult {
  const { requirement } = demand;
  const base = { rules: demand.rules, kind: requirement.art };
  switch (requirement.art) {
    case 'hvb-des-mitglieds': {
      const member = context.model.mitglied(demand.owner!)!;
      return { ...base, member: member.id, description: `HVB von ${member.name}`, ...members([member], 1, context) };
    }
    case 'alle-hvb': {
      const all = context.model.mitglieder;
      return { ...base, description: `alle HVB (${all.length} Mitglieder, einstimmig)`, ...members(all, all.length, context) };
    }
    case 'quorum':
      return quorum(base, requirement.gremium, requirement.anteil, context);
    case 'gruppe':
      return group(base, requirement.gruppe, requirement.anzahl, context);
    case 'keine':
      return { ...base, description: `keine Freigabe nötig: ${requirement.begruendung}`, needed: 0, approved: 0, met: true, votes: [], missing: [] };
  }
}

/** Votes of members, one each; met when `needed` of them approved. */
function members(list: readonly Mitglied[], needed: number, context: Context): Pick<RequirementResult, 'needed' | 'approved' | 'met' | 'votes' | 'missing'> {
  const votes: VoteRecord[] = [];
  const missing: MissingVote[] = [];
  for (const member of list) {
    const standing = memberStanding(member, context.words);
    if (standing.vote) votes.push(voteRecord(standing));
    else missing.push(missingVote(standing, context));
  }
  return { needed, approved: votes.length, met: votes.length >= needed, votes, missing: votes.length >= needed ? [] : missing };
}

function voteRecord({ member, vote }: MemberStanding): VoteRecord {
  const { review, person } = vote!.word;
  const d = vote!.delegation;
  const vertretung = bekannt(member.vertretung);
  const who = vote!.role === 'hvb' ? member.hvb : loginOf(vertretung) === person ? vertretung : undefined;
  const name = bekannt(who?.name);
  return {
    member: member.id,
    userId: review.user.id,
    login: review.user.login,
    ...(name !== undefined ? { name } : {}),
    role: vote!.role,
    reviewId: review.id,
    submittedAt: review.submittedAt,
    commitId: review.commitId,
    ...(d ? { delegation: { von: d.von, an: d.an, gueltig: { von: d.gueltig.von, ...(d.gueltig.bis !== undefined ? { bis: d.gueltig.bis } : {}) } } } : {}),
  };
}

function loginOf(person: { github?: unknown } | undefined): string | undefined {
  const github = person?.github;
  return typeof github === 'string' ? loginKey(github) : undefined;
}

function missingVote(standing: MemberStanding, context: Context): MissingVote {
  const { member } = standing;
  const who = possibleApprovers(member, context.today, context.author);
  if (standing.refusedByHvb) context.notes.push(`Die HVB von ${member.name} hat Änderungen verlangt; ihr letztes Review entscheidet für das Mitglied.`);
  if (possibleApprovers(member, context.today, '').includes(context.author)) {
    context.notes.push(
      who.length > 0
        ? `„${context.snapshot.author.login}“ hat den Pull Request erstellt und kann für ${member.name} nicht selbst freigeben; freigeben kann: ${who.join(', ')} (die allgemeine Vertretung nur innerhalb einer erfassten Delegation).`
        : `„${context.snapshot.author.login}“ hat den Pull Request erstellt und kann für ${member.name} nicht selbst freigeben, und sonst darf heute niemand für ${member.name} freigeben: bitte in einem eigenen Pull Request eine Delegation an die allgemeine Vertretung erfassen.`,
    );
  }
  return { member: member.id, name: member.name, whoCanApprove: who };
}

function quorum(base: Pick<RequirementResult, 'rules' | 'kind'>, gremiumId: string, anteil: string | undefined, context: Context): RequirementResult {
  const gremium = context.model.gremium(gremiumId);
  const entries = bekannt(gremium?.zusammensetzung);
  // Fail closed: a body whose composition is open (or unknown) votes with every member.
  const ids = new Set(entries?.flatMap((e) => (e.mitglieder === 'alle' ? context.model.mitglieder.map((m) => m.id) : e.mitglieder)) ?? []);
  const voters = entries ? context.model.mitglieder.filter((m) => ids.has(m.id)) : context.model.mitglieder;
  if (!entries) context.notes.push(`Die Zusammensetzung von „${gremium?.name ?? gremiumId}“ ist nicht erfasst; gezählt werden alle Mitglieder.`);
  const share = anteil ?? shareOf(gremiumId, context);
  const { numerator, denominator } = parseFraction(share);
  // The smallest whole number of votes that reaches the share, in integers: 2/3 of 8 needs 6.
  // A body without voters can approve nothing: at least one vote, always (fail closed).
  const needed = Math.max(1, Math.floor((numerator * voters.length + denominator - 1) / denominator));
  const result = members(voters, needed, context);
  return {
    ...base,
    body: gremiumId,
    share,
    description: `${share} der Mitglieder von ${gremium?.name ?? gremiumId} (${needed} von ${voters.length})`,
    ...result,
  };
}

/** The share a body's own decision rule sets; fail closed (all) where it is open or has none. */
function shareOf(gremiumId: string, context: Context): string {
  const regel = bekannt(context.model.gremium(gremiumId)?.entscheidungsregel);
  if (regel?.art === 'mehrheit') {
    const mehrheit = bekannt(regel.mehrheit);
    const term = mehrheit === undefined ? undefined : (Vocabulary.of(context.model).term('mehrheiten', mehrheit) as { anteil?: string } | undefined);
    if (term?.anteil !== undefined) return term.anteil;
  } else if (regel) return '1/1';
  context.notes.push(`„${gremiumId}“ nennt keinen festen Anteil für Entscheidungen; bis er erfasst ist, müssen alle Mitglieder zustimmen.`);
  return '1/1';
}

function group(base: Pick<RequirementResult, 'rules' | 'kind'>, groupId: string, anzahl: number, context: Context): RequirementResult {
  const definition = context.model.freigaberegeln?.gruppen?.[groupId];
  const name = definition?.name ?? groupId;
  const description = `${anzahl} aus ${name}`;
  const team = bekannt(definition?.team);
  const members = team !== undefined ? context.snapshot.teams[team] : undefined;
  if (!definition) context.notes.push(`Die Gruppe „${groupId}“ ist in den Freigaberegeln nicht beschrieben; die Anforderung gilt als nicht erfüllt.`);
  else if (definition.team !== undefined && team === undefined) {
    context.notes.push(`Das GitHub-Team von „${name}“ ist noch nicht erfasst; die Anforderung gilt als nicht erfüllt.`);
  } else if (team !== undefined && members === undefined) {
    context.notes.push(`Die Mitglieder des GitHub-Teams „${team}“ (${name}) konnten nicht gelesen werden; die Anforderung gilt als nicht erfüllt.`);
  }
  const ids = new Set(members?.map((u) => u.id) ?? []);
  const logins = new Set(definition?.kennungen?.map(loginKey) ?? []);
  const inGroup = (word: LastWord) => ids.has(word.review.user.id) || logins.has(word.person);
  const votes: VoteRecord[] = context.words
    .filter((w) => w.outcome === 'zaehlt' && inGroup(w))
    .map(({ review }) => ({
      userId: review.user.id,
      login: review.user.login,
      role: 'gruppe',
      reviewId: review.id,
      submittedAt: review.submittedAt,
      commitId: review.commitId,
    }));
  const met = votes.length >= anzahl;
  const candidates = [...(members?.map((u) => u.login) ?? []), ...(definition?.kennungen ?? [])].filter(
    (login) => loginKey(login) !== context.author && !votes.some((v) => loginKey(v.login) === loginKey(login)),
  );
  const missing = met ? [] : [{ name: `${anzahl - votes.length} weitere Person(en) aus ${name}`, whoCanApprove: candidates.sort() }];
  return { ...base, group: groupId, description, needed: anzahl, approved: votes.length, met, votes, missing };
}
