import type { Model } from './model';
import type { Dienst, Mitglied } from './types';

/** The stack of the Verbund-wide services (services run einer für alle); every other stack is a member's. */
export const VERBUND_STACK = 'verbund';

/** The members that take part in a service (their own file lists it), in id order. */
export function teilnehmer(model: Model, dienst: string): Mitglied[] {
  return model.mitglieder.filter((m) => (m.dienste ?? []).includes(dienst));
}

/** The services run once for all (in the Verbund stack) that someone takes part in. */
export function diensteFuerAlle(model: Model): Dienst[] {
  return model.dienste.filter((d) => d.betrieb === 'einerFuerAlle' && teilnehmer(model, d.id).length > 0);
}

/** The services a stack runs: a member's own (jeder für sich), or those run for all in the Verbund stack. */
export function diensteImStack(model: Model, stack: string): Dienst[] {
  if (stack === VERBUND_STACK) return diensteFuerAlle(model);
  const member = model.mitglied(stack);
  return model.dienste.filter((d) => d.betrieb === 'jederFuerSich' && (member?.dienste ?? []).includes(d.id));
}

/** The backup tool every stack installs (art: sicherung), if the catalogue has one. */
export function sicherungsDienst(model: Model): Dienst | undefined {
  return model.dienste.find((d) => d.art === 'sicherung');
}

/** The placeholders a service's Helm values may use; the program fills them in per stack. */
export const WERTE_PLATZHALTER = ['host', 'domain', 'ingressKlasse', 'speicherKlasse', 'namespace', 'mitglied'] as const;
export type WertePlatzhalter = (typeof WERTE_PLATZHALTER)[number];
