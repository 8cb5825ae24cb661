import { teilnehmer } from '../model/dienste';
import type { CheckedModel } from '../model/model';
import { bekannt, type Verteilung } from '../model/types';
import type { Figures } from './distribute';

/**
 * The figures of a checked model as a distribution reads them: inhabitants only where they
 * are what the key demands (its reference date; official unless it allows approximate ones –
 * the rule kosten-zahlen has reported every other case), participants from the members' files.
 */
export function figuresOf(model: CheckedModel): Figures {
  return {
    members: () => model.mitglieder.map((m) => m.id),
    inhabitants: (member: string, v: Verteilung) => {
      const figure = bekannt(model.mitglied(member)?.einwohner);
      if (!figure || figure.stand !== v.einwohner?.stichtag) return undefined;
      if (figure.genauigkeit !== 'amtlich' && v.einwohner.ungefaehrErlaubt !== true) return undefined;
      return { count: BigInt(figure.wert), accuracy: figure.genauigkeit };
    },
    participants: (dienst: string) => teilnehmer(model, dienst).map((m) => m.id),
    seats: (member: string, dienst: string) => {
      const figure = model.mitglied(member)?.plaetze?.[dienst];
      return figure && { count: BigInt(figure.anzahl), stand: figure.stand };
    },
  };
}
