import { findCycle } from '../../model/graph';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that escalation (vorlageAn) has no cycles and that every body's chain ends at the
 * one top body, the only one without vorlageAn (in Osterholz the HVB-Runde).
 */
export const eskalationEndetOben: Rule = {
  id: 'eskalation-endet-oben',
  severity: 'error',
  description: 'Die Eskalation (vorlageAn) ist frei von Kreisen und endet für jedes Gremium beim einzigen obersten Gremium (ohne vorlageAn).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const gremien = model.gremien;
    if (gremien.length === 0) return findings;
    // With a body's file broken, which body is on top is unknown; its own finding says why.
    const complete = ![...model.unloaded].some((key) => key.startsWith('gremium:'));
    const tops = gremien.filter((g) => g.vorlageAn.length === 0);
    if (tops.length === 0 && complete) {
      findings.push({ at: model.where(gremien[0]!, 'vorlageAn'), message: 'Kein Gremium ist oberstes Gremium (vorlageAn: []); die Eskalation muss bei einem Gremium enden.', subject: `gremium:${gremien[0]!.id}` });
    }
    for (const extra of tops.slice(1)) {
      findings.push({ at: model.where(extra, 'vorlageAn'), message: `Gremium „${extra.id}“ legt niemandem vor, ebenso wie „${tops[0]!.id}“; es darf nur ein oberstes Gremium geben. Bitte vorlageAn angeben.`, subject: `gremium:${extra.id}` });
    }
    const edges = gremien.flatMap((g) => g.vorlageAn.map((to) => [g.id, to] as const));
    const cycle = findCycle(edges);
    if (cycle) {
      const first = model.gremium(cycle[0]!)!;
      findings.push({ at: model.where(first, 'vorlageAn'), message: `Die Eskalation bildet einen Kreis: ${[...cycle, cycle[0]].join(' → ')}. Sie muss beim obersten Gremium enden.`, subject: `gremium:${first.id}` });
      return findings;
    }
    if (tops.length !== 1 || !complete) return findings;
    const top = tops[0]!.id;
    const reachesTop = new Map<string, boolean>([[top, true]]);
    const reaches = (id: string): boolean => {
      if (!reachesTop.has(id)) {
        reachesTop.set(id, false); // unknown ids are dangling references, reported elsewhere
        const g = model.gremium(id);
        reachesTop.set(id, !!g && g.vorlageAn.some(reaches));
      }
      return reachesTop.get(id)!;
    };
    for (const g of gremien) {
      if (!reaches(g.id)) {
        findings.push({ at: model.where(g, 'vorlageAn'), message: `Die Eskalation von „${g.id}“ erreicht das oberste Gremium „${top}“ nicht.`, subject: `gremium:${g.id}` });
      }
    }
    return findings;
  },
};
