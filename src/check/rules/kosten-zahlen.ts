import { verteilungen } from '../../model/kosten';
import { bekannt, isOffen } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that a key by inhabitants rests on the figures it names: every member it counts has
 * a figure of the key's reference date, official unless the key allows approximate ones. An
 * open or approximate figure fails the key, naming the member's file and line, so the member
 * can see (and challenge) what its share would rest on.
 */
export const kostenZahlen: Rule = {
  id: 'kosten-zahlen',
  severity: 'error',
  category: 'integritaet',
  description:
    'Ein Schlüssel nach Einwohnern hat für jedes gezählte Mitglied eine Zahl zum Stichtag des Schlüssels, amtlich, sofern der Schlüssel nicht ausdrücklich ungefähre Zahlen zulässt.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const k of model.kostenschluessel) {
      for (const { verteilung: v, path } of verteilungen(k)) {
        if (v.art !== 'einwohner' && v.art !== 'sockel') continue;
        const stichtag = v.einwohner?.stichtag;
        const at = model.where(k, ...path, v.einwohner ? 'einwohner' : 'art');
        if (!stichtag) {
          findings.push({ at, message: `Die Verteilung nach Einwohnern nennt keinen Stichtag (einwohner: { stichtag: JJJJ-MM-TT }).` });
          continue;
        }
        for (const id of v.mitglieder ?? model.mitglieder.map((m) => m.id)) {
          const m = model.mitglied(id);
          if (!m) continue; // referenz-aufloesbar reports it
          const where = model.where(m, 'einwohner');
          const cite = `${where.file}:${where.line}`;
          const figure = bekannt(m.einwohner);
          if (isOffen(m.einwohner) || !figure) {
            findings.push({ at, message: `Die Einwohnerzahl von „${id}“ ist offen (${cite}); der Schlüssel „${k.id}“ braucht sie zum Stichtag ${stichtag}.` });
          } else if (figure.stand !== stichtag) {
            findings.push({
              at,
              message: `Die Einwohnerzahl von „${id}“ hat den Stand ${figure.stand} (${cite}), der Schlüssel „${k.id}“ verlangt den Stichtag ${stichtag}.`,
            });
          } else if (figure.genauigkeit !== 'amtlich' && v.einwohner?.ungefaehrErlaubt !== true) {
            findings.push({
              at,
              message: `Die Einwohnerzahl von „${id}“ ist nicht amtlich (${figure.genauigkeit}, ${cite}); der Schlüssel „${k.id}“ verlangt amtliche Zahlen (sonst ungefaehrErlaubt: true).`,
            });
          }
        }
      }
    }
    return findings;
  },
};
