import { findCycle, nodesReaching } from '../../model/graph';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that escalation (vorlageAn) has no cycles and that every body's chain ends at the
 * one top body, the only one without vorlageAn.
 */
export const eskalationEndetOben: Rule = {
  id: 'eskalation-endet-oben',
  severity: 'error',
  category: 'integritaet',
  description: 'Es gibt Gremien; die Eskalation (vorlageAn) ist frei von Kreisen und endet für jedes Gremium beim einzigen obersten Gremium (ohne vorlageAn).',
  check({ model }) {
    const findings: RuleFinding[] = [];
    const gremien = model.gremien;
    // With a body's file broken, which body is on top is unknown; its own finding says why.
    const complete = !model.hasUnloaded('gremium');
    if (gremien.length === 0) {
      if (complete && model.verbund) {
        findings.push({
          at: model.where(model.verbund, 'id'),
          message: 'Der Verbund hat keine Gremien; die Eskalation braucht mindestens ein oberstes Gremium (governance/gremien/).',
        });
      }
      return findings;
    }
    const edges = gremien.flatMap((g) => g.vorlageAn.map((to) => [g.id, to] as const));
    const cycle = findCycle(edges);
    if (cycle) {
      const first = model.gremium(cycle[0]!)!;
      findings.push({
        at: model.where(first, 'vorlageAn'),
        message: `Die Eskalation bildet einen Kreis: ${[...cycle, cycle[0]].join(' → ')}. Sie muss beim obersten Gremium enden.`,
      });
      return findings;
    }
    const tops = gremien.filter((g) => g.vorlageAn.length === 0);
    if (!complete) return findings;
    if (tops.length === 0) {
      findings.push({
        at: model.where(gremien[0]!, 'vorlageAn'),
        message: 'Kein Gremium ist oberstes Gremium (vorlageAn: []); die Eskalation muss bei einem Gremium enden.',
      });
      return findings;
    }
    // The real top is the one most chains end at; the others are the mistakes to point at.
    const reaching = new Map(tops.map((t) => [t.id, nodesReaching(t.id, edges)]));
    const reach = (id: string) => reaching.get(id)!.size;
    const top = [...tops].sort((a, b) => reach(b.id) - reach(a.id) || (a.id < b.id ? -1 : 1))[0]!.id;
    for (const extra of tops.filter((t) => t.id !== top)) {
      findings.push({
        at: model.where(extra, 'vorlageAn'),
        message: `Gremium „${extra.id}“ legt niemandem vor (vorlageAn: []), ebenso wie „${top}“ (${model.fileOf(model.gremium(top)!)}); es darf nur ein oberstes Gremium geben. Bitte bei dem Gremium, das nicht das oberste ist, vorlageAn angeben.`,
      });
    }
    const reachesTop = reaching.get(top)!;
    for (const g of gremien) {
      // A dangling target is reported by referenz-aufloesbar; one finding per mistake.
      if (g.vorlageAn.length === 0 || reachesTop.has(g.id) || g.vorlageAn.some((id) => !model.gremium(id))) continue;
      findings.push({ at: model.where(g, 'vorlageAn'), message: `Die Eskalation von „${g.id}“ erreicht das oberste Gremium „${top}“ nicht.` });
    }
    return findings;
  },
};
