import type { Rule, RuleFinding } from '../rule';

/** Ensures that each goal gives a focus value for exactly the perspectives of the Leitlinie. */
export const fokusPerspektiven: Rule = {
  id: 'fokus-perspektiven',
  severity: 'error',
  category: 'integritaet',
  description: 'Jedes Ziel nennt für jede Perspektive der Leitlinie (wirkung.perspektiven) genau einen Fokuswert und keine anderen.',
  check({ model }) {
    const perspektiven = model.leitlinie?.wirkung?.perspektiven;
    if (!perspektiven) return [];
    const ids = perspektiven.map((p) => p.id);
    const skala = model.leitlinie!.wirkung!.skala;
    const findings: RuleFinding[] = [];
    for (const z of model.ziele) {
      const missing = ids.filter((id) => !(id in z.fokus));
      if (missing.length > 0) {
        findings.push({
          at: model.whereKey(z, 'fokus'),
          message: `Ziel „${z.id}“: Fokuswert fehlt für ${missing.map((id) => `„${id}“`).join(', ')}; jede Perspektive braucht einen Wert von ${skala.min} bis ${skala.max}.`,
        });
      }
      for (const key of Object.keys(z.fokus).filter((k) => !ids.includes(k))) {
        findings.push({
          at: model.whereKey(z, 'fokus', key),
          message: `Ziel „${z.id}“: „${key}“ ist keine Perspektive der Leitlinie. Erlaubt sind: ${ids.join(', ')}.`,
        });
      }
    }
    return findings;
  },
};
