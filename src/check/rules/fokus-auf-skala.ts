import type { Rule, RuleFinding } from '../rule';

/** Ensures that every focus value lies on the Leitlinie's own scale (wirkung.skala). */
export const fokusAufSkala: Rule = {
  id: 'fokus-auf-skala',
  severity: 'error',
  category: 'integritaet',
  description: 'Jeder Fokuswert liegt auf der Skala der Leitlinie (wirkung.skala, von min bis max).',
  check({ model }) {
    const skala = model.leitlinie?.wirkung?.skala;
    if (!skala) return [];
    const findings: RuleFinding[] = [];
    for (const z of model.ziele) {
      for (const [perspektive, wert] of Object.entries(z.fokus)) {
        if (wert >= skala.min && wert <= skala.max) continue;
        findings.push({
          at: model.where(z, 'fokus', perspektive),
          message: `Ziel „${z.id}“: der Fokuswert ${wert} für „${perspektive}“ liegt nicht auf der Skala der Leitlinie (${skala.min} bis ${skala.max}).`,
        });
      }
    }
    return findings;
  },
};
