import { teilnehmer } from '../../model/dienste';
import { usableAccuracy } from '../../costs/figures';
import { verteilungen } from '../../model/kosten';
import { bekannt, isOffen } from '../../model/types';
import type { Model } from '../../model/model';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that a key rests on the figures it names: by inhabitants, every member it counts has
 * a figure of the key's reference date, official unless the key allows approximate ones; by
 * seats, every participant of the service has recorded its seats. A missing, open or
 * approximate figure fails the key, naming the member's file and line, so the member can see
 * (and challenge) what its share would rest on. Seats recorded for a service the member does
 * not take part in would count nowhere: an error too.
 */
export const kostenZahlen: Rule = {
  id: 'kosten-zahlen',
  severity: 'error',
  category: 'integritaet',
  description:
    'Ein Schlüssel nach Einwohnern hat für jedes gezählte Mitglied eine Zahl zum Stichtag des Schlüssels, amtlich, sofern der Schlüssel nicht ausdrücklich ungefähre Zahlen zulässt; ein Schlüssel nach Plätzen hat die Plätze jedes Teilnehmenden; Plätze stehen nur bei Diensten, an denen das Mitglied teilnimmt.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    for (const k of model.kostenschluessel) {
      for (const { verteilung: v, path } of verteilungen(k)) {
        if (v.art === 'nutzung' && v.nach === 'plaetze')
          findings.push(...missingSeats(model, k.id, v.dienst ?? '', v.mitglieder, model.where(k, ...path, 'nach')));
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
          } else if (!usableAccuracy(figure.genauigkeit, v)) {
            const bound = figure.genauigkeit === 'mindestens' || figure.genauigkeit === 'hoechstens';
            findings.push({
              at,
              message: bound
                ? `Die Einwohnerzahl von „${id}“ ist nur eine Grenze (${figure.genauigkeit}, ${cite}), keine Zahl, nach der sich verteilen lässt; der Schlüssel „${k.id}“ braucht eine amtliche (oder, mit ungefaehrErlaubt: true, eine ungefähre) Zahl.`
                : `Die Einwohnerzahl von „${id}“ ist nicht amtlich (${figure.genauigkeit}, ${cite}); der Schlüssel „${k.id}“ verlangt amtliche Zahlen (sonst ungefaehrErlaubt: true).`,
            });
          }
        }
      }
    }
    for (const m of model.mitglieder) {
      for (const dienst of Object.keys(m.plaetze ?? {})) {
        if (model.dienst(dienst) && !(m.dienste ?? []).includes(dienst)) {
          findings.push({
            at: model.where(m, 'plaetze', dienst),
            message: `„${m.id}“ nennt Plätze am Dienst „${dienst}“, nimmt aber nicht an ihm teil (dienste); die Plätze zählten in keinem Schlüssel.`,
          });
        }
      }
    }
    return findings;
  },
};

function missingSeats(model: Model, key: string, dienst: string, only: readonly string[] | undefined, at: RuleFinding['at']): RuleFinding[] {
  return teilnehmer(model, dienst)
    .filter((m) => (!only || only.includes(m.id)) && m.plaetze?.[dienst] === undefined)
    .map((m) => {
      const where = model.where(m, 'dienste');
      return {
        at,
        message: `„${m.id}“ nimmt am Dienst „${dienst}“ teil (${where.file}:${where.line}), nennt aber keine Plätze (plaetze: { ${dienst}: { anzahl: …, stand: … } }); der Schlüssel „${key}“ verteilt nach Plätzen.`,
      };
    });
}
