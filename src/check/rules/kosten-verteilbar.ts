import { amountProblem, DistributionError, prepareKey } from '../../costs/distribute';
import { figuresOf } from '../../costs/figures';
import { parseCents } from '../../costs/money';
import { verteilungen } from '../../model/kosten';
import { bekannt } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that `verbund costs` can split every item: each decided key finds what it splits by
 * (participants of its service, seats, inhabitants), and each item's amount covers what the key
 * takes first (the base amounts) and leaves something to split by weights that are not all zero.
 * The same code decides here and in the split, so a check that passes means costs will too.
 */
export const kostenVerteilbar: Rule = {
  id: 'kosten-verteilbar',
  severity: 'error',
  category: 'integritaet',
  description:
    'Jeder beschlossene Kostenschlüssel lässt sich anwenden (sein Dienst hat Teilnehmende, seine Gewichte sind nicht alle null), und der Betrag jedes Postens deckt die Sockelbeträge seines Schlüssels.',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const figures = figuresOf(model);
    const prepared = new Map<string, ReturnType<typeof prepareKey> | undefined>();
    for (const k of model.kostenschluessel) {
      const v = bekannt(k.verteilung);
      if (!v) continue; // undecided: no item can use it (kosten-posten-in-kraft)
      try {
        prepared.set(k.id, prepareKey(v, figures));
      } catch (error) {
        if (!(error instanceof DistributionError)) throw error;
        // Missing figures (kosten-zahlen), stage shares (kosten-anteile) and unknown services
        // (referenz-aufloesbar) are reported by their own rules; a known service nobody uses is said here.
        const unknownService =
          error.reason === 'participants' && verteilungen(k).some(({ verteilung }) => verteilung.dienst && !model.dienst(verteilung.dienst));
        if (error.reason === 'participants' && !unknownService) {
          findings.push({ at: model.where(k, 'verteilung'), message: `Der Schlüssel „${k.id}“ lässt sich nicht anwenden: ${error.message}` });
        }
        prepared.set(k.id, undefined);
      }
    }
    for (const p of model.kostenposten) {
      const key = prepared.get(p.schluessel);
      if (!key) continue;
      const problem = amountProblem(key, parseCents(p.betrag));
      if (problem)
        findings.push({ at: model.where(p, 'betrag'), message: `Der Posten „${p.id}“ lässt sich nach „${p.schluessel}“ nicht verteilen: ${problem}` });
    }
    return findings;
  },
};
