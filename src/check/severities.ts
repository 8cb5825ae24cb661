import type { Model } from '../model/model';
import type { Schweregrad } from '../model/types';
import { finding, type Finding, type Severity } from '../findings/finding';
import type { Rule } from './rule';
import { STAGE_RULES } from './stage-rules';

const SEVERITY: Record<Exclude<Schweregrad, 'aus'>, Severity> = { fehler: 'error', warnung: 'warning' };

export const SEVERITY_CONFIG_RULE = 'pruefregeln-gueltig';

/**
 * The severity of each rule for this Verbund: its default, or what policies/pruefregeln.yaml
 * says (fehler, warnung, aus). Naming a rule that does not exist, or an integrity rule whose
 * severity is fixed, is a finding, so a typo never silently leaves a rule at its default.
 */
export function resolveSeverities(model: Model, rules: readonly Rule[]): { severityOf: (rule: Rule) => Severity | undefined; findings: Finding[] } {
  const configured = model.pruefregeln?.schweregrade ?? {};
  const byId = new Map(rules.map((r) => [r.id, r]));
  const findings: Finding[] = [];
  for (const id of Object.keys(model.pruefregeln?.grundlagen ?? {})) {
    if (byId.has(id)) continue;
    const message = `„${id}“ ist keine Prüfregel; eine Grundlage lässt sich nur für eine Regel angeben, die „verbund check --rules“ listet.`;
    findings.push(finding('error', SEVERITY_CONFIG_RULE, model.whereKey(model.pruefregeln!, 'grundlagen', id), message));
  }
  for (const id of Object.keys(configured)) {
    const rule = byId.get(id);
    if (rule?.category === 'empfehlung') continue;
    const message = rule
      ? `„${id}“ ist eine ${rule.category === 'integritaet' ? 'Integritätsregel (Freigaben, Verweise, Eskalation)' : 'Regel der Leitlinie'}; ihr Schweregrad ist fest und kann nicht eingestellt werden.`
      : STAGE_RULES.some((r) => r.id === id)
        ? `„${id}“ prüft die Dateien selbst (Lesbarkeit, YAML, Schema); ihr Schweregrad ist fest und kann nicht eingestellt werden.`
        : `„${id}“ ist keine Prüfregel; die Regeln listet „verbund check --rules“.`;
    findings.push(finding('error', SEVERITY_CONFIG_RULE, model.whereKey(model.pruefregeln!, 'schweregrade', id), message));
  }
  return {
    severityOf(rule) {
      const setting = rule.category === 'empfehlung' ? configured[rule.id] : undefined;
      if (setting === undefined) return rule.severity;
      return setting === 'aus' ? undefined : SEVERITY[setting];
    },
    findings,
  };
}
