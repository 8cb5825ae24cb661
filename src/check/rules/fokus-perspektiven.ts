import type { Model } from '../../model/model';
import type { Ziel } from '../../model/types';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that each goal gives a focus value for exactly the perspectives of the Leitlinie;
 * a goal with focus values under a Leitlinie that defines no rating (wirkung) is reported too,
 * so that values never pass unchecked. Without a rating a goal writes `fokus: {}`.
 */
export const fokusPerspektiven: Rule = {
  id: 'fokus-perspektiven',
  severity: 'error',
  category: 'integritaet',
  description: 'Jedes Ziel nennt für jede Perspektive der Leitlinie (wirkung.perspektiven) genau einen Fokuswert und keine anderen.',
  check({ model }) {
    const leitlinie = model.leitlinie;
    if (!leitlinie) return [];
    const perspektiven = leitlinie.wirkung?.perspektiven;
    if (!perspektiven) return unrated(model.ziele, model);
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

function unrated(ziele: readonly Ziel[], model: Model): RuleFinding[] {
  return ziele
    .filter((z) => Object.keys(z.fokus).length > 0)
    .map((z) => ({
      at: model.whereKey(z, 'fokus'),
      message: `Ziel „${z.id}“ nennt Fokuswerte, aber die Leitlinie legt keine Bewertung fest (wirkung mit skala und perspektiven in governance/leitlinie/leitlinie.yaml); ohne sie lassen sich die Werte nicht prüfen.`,
    }));
}
