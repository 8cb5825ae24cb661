import type { Model } from '../model/model';
import type { Ausnahme } from '../model/types';
import { exceptionKey, finding, type Finding, type Location } from './finding';

export const STALE_EXCEPTION_RULE = 'ausnahme-ohne-befund';
export const INVALID_EXCEPTION_RULE = 'ausnahme-gueltig';

/** A finding the Verbund has decided to accept, with the decision that accepts it. */
export interface Acknowledged extends Finding {
  exception: {
    file: string;
    line: number;
    befund: string;
    begruendung: string;
    entschiedenVon: string;
    entschiedenAm: string;
    fundstelle?: string;
  };
}

/**
 * Applies the recorded exceptions: each turns exactly one finding (its rule, its subject,
 * and the finding as quoted in befund) into an acknowledged note. An exception that matches
 * nothing is itself an error, so exceptions cannot outlive or widen the decision they record.
 */
export function applyExceptions(
  findings: readonly Finding[],
  model: Model,
  ruleIds: ReadonlySet<string>,
  skipped: ReadonlySet<string>,
  today: string,
): { findings: Finding[]; acknowledged: Acknowledged[] } {
  const acknowledged: Acknowledged[] = [];
  const remaining = new Set(findings);
  const seen = new Map<string, Location>();
  for (const ausnahme of model.ausnahmen) {
    const at = (field?: keyof Ausnahme) => (field ? model.where(ausnahme, field) : model.where(ausnahme));
    const subject = `ausnahme:${ausnahme.regel}/${ausnahme.gegenstand}`;
    const key = `${ausnahme.regel}\n${ausnahme.gegenstand}\n${ausnahme.befund}`;
    const first = seen.get(key);
    if (first) {
      remaining.add(finding('error', INVALID_EXCEPTION_RULE, at(), `Diese Ausnahme steht bereits in Zeile ${first.line}; jede Ausnahme nur einmal erfassen.`, subject));
      continue;
    }
    seen.set(key, at());
    if (ausnahme.entschiedenAm > today) {
      remaining.add(finding('error', INVALID_EXCEPTION_RULE, at('entschiedenAm'), `Die Ausnahme ist auf den ${ausnahme.entschiedenAm} datiert, also in der Zukunft; eine Ausnahme gilt erst ab ihrem Beschluss.`, subject));
      continue;
    }
    // A skipped rule or a subject whose file failed to load cannot be judged: say nothing.
    if (skipped.has(ausnahme.regel) || model.unloaded.has(ausnahme.gegenstand)) continue;
    const sameSubject = findings.filter((f) => f.rule === ausnahme.regel && f.subject === ausnahme.gegenstand);
    const match = sameSubject.find((f) => exceptionKey(f) === ausnahme.befund && remaining.has(f));
    if (match) {
      remaining.delete(match);
      acknowledged.push({ ...match, exception: describe(model, ausnahme) });
    } else {
      remaining.add(staleFinding(ausnahme, ruleIds, sameSubject, at, subject));
    }
  }
  return { findings: [...remaining], acknowledged };
}

function describe(model: Model, a: Ausnahme): Acknowledged['exception'] {
  const { file, line } = model.where(a);
  return {
    file,
    line,
    befund: a.befund,
    begruendung: a.begruendung,
    entschiedenVon: a.entschiedenVon,
    entschiedenAm: a.entschiedenAm,
    ...(a.fundstelle ? { fundstelle: a.fundstelle } : {}),
  };
}

function staleFinding(a: Ausnahme, ruleIds: ReadonlySet<string>, sameSubject: Finding[], at: (field?: keyof Ausnahme) => Location, subject: string): Finding {
  if (!ruleIds.has(a.regel)) {
    return finding('error', STALE_EXCEPTION_RULE, at('regel'), `Die Ausnahme nennt die unbekannte Regel „${a.regel}“. Bekannte Regeln: ${[...ruleIds].sort().join(', ')}.`, subject);
  }
  if (sameSubject.length > 0) {
    const now = sameSubject.map((f) => `„${exceptionKey(f)}“`).join(', ');
    return finding('error', STALE_EXCEPTION_RULE, at('befund'), `Die Ausnahme gilt für den Befund „${a.befund}“; zu „${a.gegenstand}“ lautet er jetzt ${now}. Eine Änderung braucht einen neuen Beschluss (befund, entschiedenVon, entschiedenAm anpassen).`, subject);
  }
  return finding('error', STALE_EXCEPTION_RULE, at('gegenstand'), `Die Ausnahme für Regel „${a.regel}“ zu „${a.gegenstand}“ passt auf keinen Befund mehr; bitte entfernen.`, subject);
}
