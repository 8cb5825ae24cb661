import { teilnehmer } from '../model/dienste';
import type { Model } from '../model/model';
import { bekannt, type Verteilung } from '../model/types';
import type { Figures } from './distribute';

/**
 * The figures of a checked model as a distribution reads them: inhabitants only where they
 * are what the key demands (its reference date; official unless it allows approximate ones –
 * the rule kosten-zahlen has reported every other case), participants from the members' files.
 */
export function figuresOf(model: Model): Figures {
  return {
    members: () => model.mitglieder.map((m) => m.id),
    inhabitants: (member: string, v: Verteilung) => {
      const figure = bekannt(model.mitglied(member)?.einwohner);
      if (!figure || figure.stand !== v.einwohner?.stichtag) return undefined;
      if (!usableAccuracy(figure.genauigkeit, v)) return undefined;
      return { count: BigInt(figure.wert), accuracy: figure.genauigkeit };
    },
    participants: (dienst: string) => teilnehmer(model, dienst).map((m) => m.id),
    seats: (member: string, dienst: string) => {
      const figure = model.mitglied(member)?.plaetze?.[dienst];
      return figure && { count: BigInt(figure.anzahl), stand: figure.stand };
    },
  };
}

/**
 * Whether a figure of this accuracy may be split by: official always; approximate only where
 * the key allows it. A bound (mindestens, hoechstens) never: it is no figure, only a limit.
 */
export function usableAccuracy(genauigkeit: string, v: Verteilung): boolean {
  return genauigkeit === 'amtlich' || (genauigkeit === 'ungefaehr' && v.einwohner?.ungefaehrErlaubt === true);
}
