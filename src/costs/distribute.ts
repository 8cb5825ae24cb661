import { asWeights } from '../model/fraction';
import type { Verteilung } from '../model/types';
import { allocate, AllocationError, type Share } from './allocate';
import { parseCents } from './money';

/** What a distribution needs to know of the Verbund: kept apart from the model so it stays a pure function. */
export interface Figures {
  /** Every member id. */
  members(): readonly string[];
  /** A member's inhabitants as the key may use them (official at the key's reference date), or undefined. */
  inhabitants(member: string, verteilung: Verteilung): bigint | undefined;
  /** The members taking part in a service. */
  participants(dienst: string): readonly string[];
}

export class DistributionError extends Error {}

/**
 * Splits `totalCents` by a distribution (recursively for stages) into exact integer cents per
 * member, in member-id order; every share list adds up to the total exactly.
 */
export function distribute(verteilung: Verteilung, totalCents: bigint, figures: Figures): Share[] {
  try {
    return merge(split(verteilung, totalCents, figures));
  } catch (error) {
    if (error instanceof AllocationError) throw new DistributionError(error.message);
    throw error;
  }
}

function split(v: Verteilung, total: bigint, figures: Figures): Share[] {
  const members = v.mitglieder ?? figures.members();
  switch (v.art) {
    case 'gleich':
      return allocate(
        total,
        members.map((member) => ({ member, weight: 1n })),
      );
    case 'einwohner':
      return allocate(total, byInhabitants(v, members, figures));
    case 'sockel': {
      const base = parseCents(v.sockelbetrag ?? '0.00');
      const baseTotal = base * BigInt(members.length);
      if (baseTotal > total)
        throw new DistributionError(`Der Sockelbetrag für ${members.length} Mitglieder (${baseTotal} Cent) übersteigt den Betrag (${total} Cent).`);
      const rest = allocate(total - baseTotal, byInhabitants(v, members, figures));
      return rest.map((s) => ({ member: s.member, cents: s.cents + base }));
    }
    case 'fest': {
      const entries = Object.entries(v.anteile ?? {});
      const { weights } = asWeights(entries.map(([, share]) => share));
      return allocate(
        total,
        entries.map(([member], i) => ({ member, weight: weights[i]! })),
      );
    }
    case 'nutzung': {
      const participants = figures.participants(v.dienst ?? '').filter((m) => !v.mitglieder || v.mitglieder.includes(m));
      if (participants.length === 0) throw new DistributionError(`Am Dienst „${v.dienst ?? ''}“ nimmt niemand teil; nach Nutzung lässt sich nichts verteilen.`);
      return allocate(
        total,
        participants.map((member) => ({ member, weight: 1n })),
      );
    }
    case 'stufen':
      return stages(v, total, figures);
  }
}

/** Each stage gets its share of the total (exactly, by largest remainder), the last the rest; then each stage is split by its own distribution. */
function stages(v: Verteilung, total: bigint, figures: Figures): Share[] {
  const list = v.stufen ?? [];
  const restIndex = list.findIndex((s) => s.anteil === 'rest');
  const { weights: fixed, denominator } = asWeights(list.map((s) => (s.anteil === 'rest' ? '0/1' : s.anteil)));
  const weights = [...fixed];
  const used = weights.reduce((a, b) => a + b, 0n);
  if (used > denominator) throw new DistributionError('Die festen Anteile der Stufen ergeben zusammen mehr als 1.');
  if (restIndex >= 0) weights[restIndex] = denominator - used;
  else if (used !== denominator) throw new DistributionError('Die Anteile der Stufen ergeben nicht genau 1, und keine Stufe nimmt den Rest.');
  // Stage ids sort in stage order, so a tie between stages goes to the earlier one.
  const amounts = allocate(
    total,
    weights.map((weight, i) => ({ member: String(i).padStart(6, '0'), weight })),
  );
  return amounts.flatMap((a, i) => split(list[i]!.verteilung, a.cents, figures));
}

function byInhabitants(v: Verteilung, members: readonly string[], figures: Figures): { member: string; weight: bigint }[] {
  return members.map((member) => {
    const weight = figures.inhabitants(member, v);
    if (weight === undefined) throw new DistributionError(`Für „${member}“ fehlt eine Einwohnerzahl, wie der Schlüssel sie verlangt.`);
    return { member, weight };
  });
}

/** Shares of several stages summed per member, in member-id order. */
function merge(shares: Share[]): Share[] {
  const sums = new Map<string, bigint>();
  for (const s of shares) sums.set(s.member, (sums.get(s.member) ?? 0n) + s.cents);
  return [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([member, cents]) => ({ member, cents }));
}
