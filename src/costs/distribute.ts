import { asWeights } from '../model/fraction';
import type { Verteilung } from '../model/types';
import { allocateEach, allocateInOrder, AllocationError, orderedWeights, type OrderedWeights } from './allocate';
import { formatEuro, parseCents } from './money';

/** What a distribution needs to know of the Verbund: kept apart from the model so it stays a pure function. */
export interface Figures {
  /** Every member id. */
  members(): readonly string[];
  /** A member's inhabitants as the key may use them (of the key's reference date, official unless it allows approximate ones), or undefined. */
  inhabitants(member: string, verteilung: Verteilung): Inhabitants | undefined;
  /** The members taking part in a service. */
  participants(dienst: string): readonly string[];
  /** The seats a member has recorded for a service, with the date of the figure, or undefined. */
  seats(member: string, dienst: string): { count: bigint; stand: string } | undefined;
}

export interface Inhabitants {
  count: bigint;
  /** amtlich, ungefaehr, … as the member's file says. */
  accuracy: string;
}

/**
 * What one part of a member's share rests on, so that the member can retrace and challenge it:
 * the kind of distribution, its weight out of the sum (inhabitants, equal parts, participants),
 * the fixed share, the base amount, the reference date; and the stage it belongs to.
 */
export interface Basis {
  art: Exclude<Verteilung['art'], 'stufen'>;
  /** The stage ("1", or "2.1" inside a stage), where the key has stages. */
  stage?: string;
  /** That stage's share of the amount ("35/100", or "rest"). */
  stageShare?: string;
  /** The member's weight and the sum of all weights (inhabitants; 1 of n equal parts or participants). */
  weight?: bigint;
  weightSum?: bigint;
  /** fest: the member's fixed share. */
  anteil?: string;
  /** sockel: the base amount each member pays first. */
  baseCents?: bigint;
  /** einwohner, sockel: the reference date and the accuracy of the member's figure. */
  stichtag?: string;
  genauigkeit?: string;
  /** nutzung: the service, and whether by participants (equal) or by their seats. */
  dienst?: string;
  nach?: 'teilnehmende' | 'plaetze';
}

export interface ExplainedShare {
  member: string;
  cents: bigint;
  basis: readonly Basis[];
}

/** Why a key cannot split: `figures` (missing figures) and `shares` (stages not adding up) are the check's other rules' to report. */
export class DistributionError extends Error {
  constructor(
    message: string,
    readonly reason: 'participants' | 'figures' | 'shares' | 'amount' = 'amount',
  ) {
    super(message);
  }
}

/**
 * A key made ready to split many amounts: the members in tie-break order (ids sorted), their
 * weights and what each weight rests on are read once; splitting an amount is then one pass.
 */
export type PreparedKey =
  | { kind: 'weights'; members: string[]; weights: OrderedWeights; position: Map<string, number>; basis: (readonly Basis[])[] }
  | { kind: 'sockel'; baseCents: bigint; rest: Extract<PreparedKey, { kind: 'weights' }> }
  | { kind: 'stufen'; weights: bigint[]; stages: PreparedKey[] };

/** Reads the figures a distribution needs, or says in German why they are missing. */
export function prepareKey(v: Verteilung, figures: Figures, stage?: { stage: string; stageShare: string }): PreparedKey {
  const members = [...(v.mitglieder ?? figures.members())];
  const at = stage ?? {};
  switch (v.art) {
    case 'gleich':
      return byWeights(members.map((member) => [member, 1n, { art: 'gleich', ...at, weight: 1n, weightSum: BigInt(members.length) }]));
    case 'einwohner':
      return byInhabitants(v, members, figures, at);
    case 'sockel': {
      const baseCents = parseCents(v.sockelbetrag ?? '0.00');
      const rest = byInhabitants(v, members, figures, at);
      rest.basis = rest.basis.map(([b]) => [{ ...b!, art: 'sockel', baseCents }]);
      return { kind: 'sockel', baseCents, rest };
    }
    case 'fest': {
      const entries = Object.entries(v.anteile ?? {});
      const { weights } = asWeights(entries.map(([, share]) => share));
      return byWeights(entries.map(([member, anteil], i) => [member, weights[i]!, { art: 'fest', ...at, anteil }]));
    }
    case 'nutzung': {
      const participants = figures.participants(v.dienst ?? '').filter((m) => !v.mitglieder || v.mitglieder.includes(m));
      if (participants.length === 0)
        throw new DistributionError(`Am Dienst „${v.dienst ?? ''}“ nimmt niemand teil; nach Nutzung lässt sich nichts verteilen.`, 'participants');
      if (v.nach === 'plaetze') return bySeats(v.dienst!, participants, figures, at);
      const weightSum = BigInt(participants.length);
      return byWeights(participants.map((member) => [member, 1n, { art: 'nutzung', ...at, dienst: v.dienst, nach: 'teilnehmende', weight: 1n, weightSum }]));
    }
    case 'stufen':
      return stages(v, figures, stage?.stage);
  }
}

/** Each stage gets a fixed share of the amount (the rest stage what is left); then each is split by its own distribution. */
function stages(v: Verteilung, figures: Figures, outer: string | undefined): PreparedKey {
  const list = v.stufen ?? [];
  const restIndex = list.findIndex((s) => s.anteil === 'rest');
  const { weights, denominator } = asWeights(list.map((s) => (s.anteil === 'rest' ? '0/1' : s.anteil)));
  const used = weights.reduce((a, b) => a + b, 0n);
  if (used > denominator) throw new DistributionError('Die festen Anteile der Stufen ergeben zusammen mehr als 1.', 'shares');
  if (restIndex >= 0) weights[restIndex] = denominator - used;
  else if (used !== denominator) throw new DistributionError('Die Anteile der Stufen ergeben nicht genau 1, und keine Stufe nimmt den Rest.', 'shares');
  const stagesPrepared = list.map((s, i) =>
    prepareKey(s.verteilung, figures, { stage: outer === undefined ? String(i + 1) : `${outer}.${i + 1}`, stageShare: s.anteil }),
  );
  return { kind: 'stufen', weights, stages: stagesPrepared };
}

function byInhabitants(v: Verteilung, members: readonly string[], figures: Figures, at: object): Extract<PreparedKey, { kind: 'weights' }> {
  const counts = members.map((member) => {
    const figure = figures.inhabitants(member, v);
    if (figure === undefined) throw new DistributionError(`Für „${member}“ fehlt eine Einwohnerzahl, wie der Schlüssel sie verlangt.`, 'figures');
    return figure;
  });
  const weightSum = counts.reduce((s, c) => s + c.count, 0n);
  const stichtag = v.einwohner?.stichtag;
  return byWeights(
    members.map((member, i) => [
      member,
      counts[i]!.count,
      { art: 'einwohner', ...at, weight: counts[i]!.count, weightSum, stichtag, genauigkeit: counts[i]!.accuracy },
    ]),
  );
}

function bySeats(dienst: string, participants: readonly string[], figures: Figures, at: object): Extract<PreparedKey, { kind: 'weights' }> {
  const seats = participants.map((member) => {
    const figure = figures.seats(member, dienst);
    if (figure === undefined)
      throw new DistributionError(`Für „${member}“ fehlt die Zahl der Plätze am Dienst „${dienst}“, nach der der Schlüssel verteilt.`, 'figures');
    return figure;
  });
  const weightSum = seats.reduce((s, c) => s + c.count, 0n);
  return byWeights(
    participants.map((member, i) => [
      member,
      seats[i]!.count,
      { art: 'nutzung', ...at, dienst, nach: 'plaetze', weight: seats[i]!.count, weightSum, stichtag: seats[i]!.stand },
    ]),
  );
}

/** Members sorted by id (the tie-break order), each once. */
function byWeights(entries: [string, bigint, Basis][]): Extract<PreparedKey, { kind: 'weights' }> {
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]![0] === entries[i - 1]![0]) throw new DistributionError(`„${entries[i]![0]}“ steht zweimal im Schlüssel.`, 'shares');
  }
  const members = entries.map((e) => e[0]);
  try {
    return {
      kind: 'weights',
      members,
      weights: orderedWeights(entries.map((e) => e[1])),
      position: new Map(members.map((m, i) => [m, i])),
      basis: entries.map((e) => [e[2]]),
    };
  } catch (error) {
    if (error instanceof AllocationError) throw new DistributionError(error.message);
    throw error;
  }
}

/**
 * Splits `totalCents` by a prepared key into exact integer cents per member, in member-id order,
 * adding up to the total; with `only`, just that member's share (computed over all, as always).
 */
export function splitAmount(key: PreparedKey, totalCents: bigint, only?: string): ExplainedShare[] {
  try {
    const parts: ExplainedShare[] = [];
    collect(key, totalCents, parts, only);
    return merge(parts);
  } catch (error) {
    if (error instanceof AllocationError) throw new DistributionError(error.message);
    throw error;
  }
}

function collect(key: PreparedKey, total: bigint, into: ExplainedShare[], only: string | undefined): void {
  switch (key.kind) {
    case 'weights':
    case 'sockel': {
      const w = key.kind === 'weights' ? key : key.rest;
      const base = key.kind === 'sockel' ? key.baseCents : 0n;
      const baseTotal = base * BigInt(w.members.length);
      if (baseTotal > total)
        throw new DistributionError(
          `Der Sockelbetrag für ${members(w.members.length)} (zusammen ${formatEuro(baseTotal)}) übersteigt den Betrag (${formatEuro(total)}).`,
        );
      const position = only === undefined ? undefined : w.position.get(only);
      if (only !== undefined && position === undefined) return; // the member has no part here; the amount still adds up among the others
      allocateEach(total - baseTotal, w.weights, (i, cents) => into.push({ member: w.members[i]!, cents: cents + base, basis: w.basis[i]! }), position);
      return;
    }
    case 'stufen': {
      // Stages in their order: a tie between stages goes to the earlier one.
      const amounts = allocateInOrder(total, key.weights);
      key.stages.forEach((stage, i) => collect(stage, amounts[i]!, into, only));
      return;
    }
  }
}

/**
 * Why `totalCents` cannot be split by the key, or undefined: what splitting would refuse, found
 * without splitting (a check of every item stays linear in the items, not items × members).
 */
export function amountProblem(key: PreparedKey, totalCents: bigint): string | undefined {
  switch (key.kind) {
    case 'weights':
      return key.weights.sum === 0n && totalCents > 0n ? 'Alle Gewichte des Schlüssels sind null (z. B. null Plätze).' : undefined;
    case 'sockel': {
      const baseTotal = key.baseCents * BigInt(key.rest.members.length);
      if (baseTotal > totalCents)
        return `Der Sockelbetrag für ${members(key.rest.members.length)} (zusammen ${formatEuro(baseTotal)}) übersteigt den Betrag (${formatEuro(totalCents)}).`;
      return amountProblem(key.rest, totalCents - baseTotal);
    }
    case 'stufen': {
      const amounts = allocateInOrder(totalCents, key.weights);
      for (const [i, stage] of key.stages.entries()) {
        const problem = amountProblem(stage, amounts[i]!);
        if (problem) return `Stufe ${i + 1}: ${problem}`;
      }
      return undefined;
    }
  }
}

/** Shares of several stages summed per member, in member-id order, with every part's basis. */
function merge(parts: ExplainedShare[]): ExplainedShare[] {
  if (parts.every((p, i) => i === 0 || parts[i - 1]!.member < p.member)) return parts;
  const byMember = new Map<string, ExplainedShare>();
  for (const p of parts) {
    const seen = byMember.get(p.member);
    byMember.set(p.member, seen ? { member: p.member, cents: seen.cents + p.cents, basis: [...seen.basis, ...p.basis] } : p);
  }
  return [...byMember.values()].sort((a, b) => (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
}

/** One amount split by a distribution (prepare and split in one step). */
export function distribute(verteilung: Verteilung, totalCents: bigint, figures: Figures): ExplainedShare[] {
  return splitAmount(prepareKey(verteilung, figures), totalCents);
}

function members(n: number): string {
  return n === 1 ? '1 Mitglied' : `${n} Mitglieder`;
}
