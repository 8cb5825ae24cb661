import type { Rule, RuleFinding } from '../rule';

/** Ensures §V: "Bei jedem Ziel wurde nur einmal die höchste Ausprägung vergeben". */
export const fokusHoechsterWertEinmal: Rule = {
  id: 'fokus-hoechster-wert-einmal',
  severity: 'error',
  description: 'Je Ziel wird der höchste Fokuswert genau einmal vergeben, damit jedes Ziel einen klaren Fokus hat (§V).',
  check({ model }) {
    const names = new Map(model.leitlinie?.wirkung.perspektiven.map((p) => [p.id, p.name]) ?? []);
    const findings: RuleFinding[] = [];
    for (const z of model.ziele) {
      const entries = Object.entries(z.fokus);
      if (entries.length === 0) continue;
      const highest = Math.max(...entries.map(([, value]) => value));
      const top = entries.filter(([, value]) => value === highest).map(([id]) => names.get(id) ?? id);
      if (top.length > 1) {
        findings.push({
          at: model.where(z, 'fokus'),
          message: `Ziel „${z.id}“: der höchste Fokuswert ${highest} kommt ${top.length}-mal vor (${top.join(', ')}); nach §V darf er je Ziel nur einmal vergeben werden.`,
          subject: `ziel:${z.id}`,
          detail: `höchster Fokuswert ${highest}: ${top.join(', ')}`,
        });
      }
    }
    return findings;
  },
};
