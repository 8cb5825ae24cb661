import { finding, type Finding } from '../findings/finding';
import type { Model } from '../model/model';
import type { Ausnahme } from '../model/types';
import { isWaivable, type Rule } from './rule';
import { STAGE_RULES } from './stage-rules';

export const STALE_EXCEPTION_RULE = 'ausnahme-ohne-befund';
export const INVALID_EXCEPTION_RULE = 'ausnahme-gueltig';

/** A finding the Verbund has decided to accept, with the decision that accepts it. */
export interface Acknowledged extends Finding {
  exception: {
    file: string;
    line: number;
    begruendung: string;
    grundlage: Ausnahme['grundlage'];
  };
}

export interface ExceptionInput {
  findings: readonly Finding[];
  model: Model;
  rules: readonly Rule[];
  skipped: ReadonlySet<string>;
  today: string;
}

/**
 * Applies the recorded exceptions. Each names one finding by its stable key (rule, subject,
 * data path) and turns it into an acknowledged note. Only waivable rules can be waived: an
 * exception naming an integrity rule is itself an error and waives nothing. An exception that
 * matches nothing is a warning, so it cannot outlive the finding it was decided for.
 */
export function applyExceptions({ findings, model, rules, skipped, today }: ExceptionInput): { findings: Finding[]; acknowledged: Acknowledged[] } {
  // Only findings some exception names need grouping; most runs have few exceptions.
  const named = new Set(model.ausnahmen.map((a) => keyOf(a.regel, a.gegenstand, a.pfad)));
  const namedRules = new Set(model.ausnahmen.map((a) => a.regel));
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!namedRules.has(f.rule) || f.key.subject.startsWith('intern:')) continue;
    const key = keyOf(f.key.rule, f.key.subject, f.key.path);
    if (!named.has(key)) continue;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const remaining = new Set(findings);
  const acknowledged: Acknowledged[] = [];
  const seen = new Map<string, number>();
  for (const ausnahme of model.ausnahmen) {
    const key = keyOf(ausnahme.regel, ausnahme.gegenstand, ausnahme.pfad);
    const problem = invalidReason(ausnahme, key, seen, ruleById, today);
    if (problem) {
      remaining.add(finding('error', INVALID_EXCEPTION_RULE, model.where(ausnahme, ...problem.path), problem.message));
      continue;
    }
    seen.set(key, model.where(ausnahme).line);
    // A skipped rule or a subject whose file failed to load cannot be judged: say nothing.
    if (skipped.has(ausnahme.regel) || model.isUnloaded(ausnahme.gegenstand)) continue;
    const matches = (byKey.get(key) ?? []).filter((f) => remaining.has(f));
    for (const match of matches) {
      remaining.delete(match);
      acknowledged.push({ ...match, exception: describe(model, ausnahme) });
    }
    if (matches.length === 0) {
      const message = `Die Ausnahme für Regel „${ausnahme.regel}“ zu „${ausnahme.gegenstand}“${ausnahme.pfad ? ` bei „${ausnahme.pfad}“` : ''} passt auf keinen Befund (mehr); bitte entfernen oder Gegenstand und Pfad (key im JSON der Prüfung) anpassen.`;
      remaining.add(finding('warning', STALE_EXCEPTION_RULE, model.where(ausnahme, 'gegenstand'), message));
    }
  }
  return { findings: [...remaining], acknowledged };
}

function keyOf(rule: string, subject: string, path: string): string {
  return `${rule}\n${subject}\n${path}`;
}

function invalidReason(
  a: Ausnahme,
  key: string,
  seen: ReadonlyMap<string, number>,
  ruleById: ReadonlyMap<string, Rule>,
  today: string,
): { path: string[]; message: string } | undefined {
  const first = seen.get(key);
  if (first !== undefined) return { path: ['regel'], message: `Diese Ausnahme steht bereits in Zeile ${first}; jede Ausnahme nur einmal erfassen.` };
  const rule = ruleById.get(a.regel);
  if (!rule && STAGE_RULES.some((r) => r.id === a.regel)) {
    return { path: ['regel'], message: `„${a.regel}“ prüft die Dateien selbst (Lesbarkeit, YAML, Schema); solche Befunde kann keine Ausnahme aufheben.` };
  }
  if (!rule) {
    return {
      path: ['regel'],
      message: `Die Ausnahme nennt die unbekannte Regel „${a.regel}“. Ausnehmbare Regeln: ${[...ruleById.values()]
        .filter(isWaivable)
        .map((r) => r.id)
        .sort()
        .join(', ')}.`,
    };
  }
  if (!isWaivable(rule)) {
    return {
      path: ['regel'],
      message: `„${a.regel}“ sichert die Integrität der Daten (Verweise, Kennungen, Eskalation, Freigaben) und kann durch keine Ausnahme aufgehoben werden; bitte die Daten berichtigen.`,
    };
  }
  if (a.grundlage.datum > today) {
    return {
      path: ['grundlage', 'datum'],
      message: `Die Grundlage der Ausnahme ist auf den ${a.grundlage.datum} datiert, also in der Zukunft; eine Ausnahme gilt erst ab ihrer Entscheidung.`,
    };
  }
  return undefined;
}

function describe(model: Model, a: Ausnahme): Acknowledged['exception'] {
  const { file, line } = model.where(a);
  return {
    file,
    line,
    begruendung: a.begruendung,
    grundlage: a.grundlage,
  };
}
