import type { Rule, RuleFinding } from '../rule';

/** Ensures that each goal has a clear focus: its highest focus value is given once (in Osterholz: Leitlinie §V). */
export const fokusHoechsterWertEinmal: Rule = {
  id: 'fokus-hoechster-wert-einmal',
  severity: 'error',
  category: 'leitlinie',
  description: 'Je Ziel wird der höchste Fokuswert genau einmal vergeben, damit jedes Ziel einen klaren Fokus hat.',
  check({ model }) {
    const perspektiven = model.leitlinie?.wirkung?.perspektiven ?? [];
    const names = new Map(perspektiven.map((p) => [p.id, p.name]));
    // The order of the Leitlinie's perspectives, not of the YAML keys: reordering keys must not change the finding.
    const rank = (id: string) => {
      const index = perspektiven.findIndex((p) => p.id === id);
      return index === -1 ? perspektiven.length : index;
    };
    const findings: RuleFinding[] = [];
    for (const z of model.ziele) {
      const entries = Object.entries(z.fokus);
      if (entries.length === 0) continue;
      const highest = entries.reduce((max, [, value]) => Math.max(max, value), -Infinity);
      const top = entries
        .filter(([, value]) => value === highest)
        .map(([id]) => id)
        .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
        .map((id) => names.get(id) ?? id);
      if (top.length > 1) {
        findings.push({
          at: model.whereKey(z, 'fokus'),
          message: `Ziel „${z.id}“: der höchste Fokuswert ${highest} kommt ${top.length}-mal vor (${top.join(', ')}); er wird je Ziel nur einmal vergeben, damit das Ziel einen klaren Fokus hat.`,
        });
      }
    }
    return findings;
  },
};
