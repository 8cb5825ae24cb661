import { compilePathPattern, MEMBER_PLACEHOLDER as PLACEHOLDER } from '../../model/path-pattern';
import type { Rule, RuleFinding } from '../rule';

/**
 * Ensures that the approval rules can be evaluated as written: every group they name exists
 * and has either a GitHub team or logins, every body exists, rule ids are unique, and a
 * requirement "HVB des Mitglieds" stands only where every pattern names the owning member.
 */
export const freigaberegelnGueltig: Rule = {
  id: 'freigaberegeln-gueltig',
  severity: 'error',
  category: 'integritaet',
  description:
    'Die Freigaberegeln nennen nur vorhandene Gruppen und Gremien, jede Gruppe hat ein GitHub-Team oder Kennungen, jede Regel eine eigene Kennung, jedes Pfadmuster ist gültig (keine Verneinung), und „hvb-des-mitglieds“ steht nur bei Mustern mit {mitglied}.',
  check({ model }) {
    const rules = model.freigaberegeln;
    if (!rules) return [];
    const findings: RuleFinding[] = [];
    for (const [id, gruppe] of Object.entries(rules.gruppen ?? {})) {
      if ((gruppe.team === undefined) === (gruppe.kennungen === undefined)) {
        findings.push({ at: model.whereKey(rules, 'gruppen', id), message: `Die Gruppe „${id}“ braucht genau eines: team (ein GitHub-Team) oder kennungen.` });
      }
    }
    const seen = new Set<string>();
    const all = [{ rule: rules.standard, path: ['standard'] as (string | number)[], pfade: [] as readonly string[] }];
    rules.regeln.forEach((rule, i) => {
      rule.pfade.forEach((pattern, j) => {
        const compiled = compilePathPattern(pattern);
        if (typeof compiled !== 'function') findings.push({ at: model.where(rules, 'regeln', i, 'pfade', j), message: compiled.problem });
      });
      if (seen.has(rule.id))
        findings.push({ at: model.where(rules, 'regeln', i, 'id'), message: `Die Regel „${rule.id}“ ist doppelt; jede Regel braucht eine eigene Kennung.` });
      seen.add(rule.id);
      all.push({ rule, path: ['regeln', i], pfade: rule.pfade });
    });
    for (const { rule, path, pfade } of all) {
      rule.anforderungen.forEach((a, j) => {
        const at = model.where(rules, ...path, 'anforderungen', j);
        if (a.art === 'gruppe' && !rules.gruppen?.[a.gruppe]) {
          findings.push({ at, message: `Die Gruppe „${a.gruppe}“ ist unter gruppen nicht beschrieben.${known(Object.keys(rules.gruppen ?? {}))}` });
        }
        if (a.art === 'quorum' && !model.gremium(a.gremium)) {
          findings.push({ at, message: `Das Gremium „${a.gremium}“ gibt es nicht.${known(model.gremien.map((g) => g.id))}` });
        }
        if (a.art === 'hvb-des-mitglieds' && (pfade.length === 0 || pfade.some((p) => !p.includes(PLACEHOLDER)))) {
          findings.push({
            at,
            message: `„hvb-des-mitglieds“ braucht das Mitglied, dem die Datei gehört: jedes Muster der Regel muss ${PLACEHOLDER} enthalten (z. B. governance/mitglieder/${PLACEHOLDER}.yaml).`,
          });
        }
      });
    }
    return findings;
  },
};

function known(ids: readonly string[]): string {
  return ids.length > 0 ? ` Vorhanden: ${ids.join(', ')}.` : '';
}
