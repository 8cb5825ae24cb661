import type { Model } from '../model/model';
import type { Ausnahme } from '../model/types';
import { finding, type Finding } from './finding';

export const STALE_EXCEPTION_RULE = 'ausnahme-ohne-befund';

/** A finding the Verbund has decided to accept, with the decision that accepts it. */
export interface Acknowledged extends Finding {
  exception: {
    file: string;
    line: number;
    begruendung: string;
    entschiedenVon: string;
    entschiedenAm: string;
    fundstelle?: string;
  };
}

/**
 * Applies the recorded exceptions: each turns exactly the findings of its rule about its
 * subject into acknowledged notes. An exception that matches nothing is itself an error,
 * so exceptions cannot outlive the finding they were made for.
 */
export function applyExceptions(
  findings: readonly Finding[],
  model: Model,
  ruleIds: ReadonlySet<string>,
  skipped: ReadonlySet<string>,
): { findings: Finding[]; acknowledged: Acknowledged[] } {
  const acknowledged: Acknowledged[] = [];
  const remaining = new Set(findings);
  for (const ausnahme of model.ausnahmen) {
    if (skipped.has(ausnahme.regel)) continue;
    const matches = findings.filter((f) => f.rule === ausnahme.regel && f.subject === ausnahme.gegenstand);
    for (const match of matches) {
      remaining.delete(match);
      acknowledged.push({ ...match, exception: describe(model, ausnahme) });
    }
    if (matches.length === 0) remaining.add(staleFinding(model, ausnahme, ruleIds));
  }
  return { findings: [...remaining], acknowledged };
}

function describe(model: Model, a: Ausnahme): Acknowledged['exception'] {
  const { file, line } = model.where(a);
  return {
    file,
    line,
    begruendung: a.begruendung,
    entschiedenVon: a.entschiedenVon,
    entschiedenAm: a.entschiedenAm,
    ...(a.fundstelle ? { fundstelle: a.fundstelle } : {}),
  };
}

function staleFinding(model: Model, a: Ausnahme, ruleIds: ReadonlySet<string>): Finding {
  const message = ruleIds.has(a.regel)
    ? `Die Ausnahme für Regel „${a.regel}“ zu „${a.gegenstand}“ passt auf keinen Befund mehr; bitte entfernen.`
    : `Die Ausnahme nennt die unbekannte Regel „${a.regel}“. Bekannte Regeln: ${[...ruleIds].sort().join(', ')}.`;
  const at = model.where(a, ruleIds.has(a.regel) ? 'gegenstand' : 'regel');
  return finding('error', STALE_EXCEPTION_RULE, at, message, `ausnahme:${a.regel}/${a.gegenstand}`);
}
