import { hvbLogin } from '../model/approval';
import type { Model } from '../model/model';
import { bekannt, type Anforderung } from '../model/types';
import { MEMBER_PLACEHOLDER } from '../model/path-pattern';
import { matchPaths } from './paths';

export const CODEOWNERS_FILE = '.github/CODEOWNERS';

/**
 * .github/CODEOWNERS from the approval rules and the identities: GitHub then asks the right
 * people for a review. It only requests; whether a change is approved decides the check run
 * "HVB-Freigabe" (CODEOWNERS knows no quorum and no delegation, and of several matching lines
 * only the last counts: a member's own files therefore list the owners of all rules covering
 * them). Deterministic.
 */
export function codeownersText(model: Model): string {
  const rules = model.freigaberegeln;
  const lines = [
    '# Erzeugt von „verbund codeowners“ aus policies/freigaberegeln.yaml und governance/mitglieder/;',
    '# nicht von Hand ändern. CODEOWNERS fordert nur Reviews an; ob eine Änderung freigegeben ist,',
    '# entscheidet der Check „HVB-Freigabe“ (verbund approvals).',
  ];
  if (!rules) return [...lines, '# Keine Freigaberegeln: niemand wird angefragt.', ''].join('\n');
  lines.push('', `# ${rules.standard.name}`, line('*', owners(rules.standard.anforderungen, model)));
  // In CODEOWNERS the last matching line wins: patterns first, then the paths of single
  // members, each with the owners of every rule that covers that path (the union of rules).
  const globs: string[] = [];
  const paths: string[] = [];
  for (const rule of rules.regeln) {
    for (const pattern of rule.pfade) {
      if (!pattern.includes(MEMBER_PLACEHOLDER)) globs.push(line(`/${pattern}`, owners(rule.anforderungen, model)), '');
      else
        for (const m of model.mitglieder)
          paths.push(line(`/${pattern.split(MEMBER_PLACEHOLDER).join(m.id)}`, coveringOwners(pattern.split(MEMBER_PLACEHOLDER).join(m.id), model)));
    }
  }
  lines.push('', '# Muster der Regeln', ...globs.filter(Boolean), '', '# Dateien einzelner Mitglieder (mit allen Regeln, die sie treffen)', ...paths);
  return lines.join('\n') + '\n';
}

/** The owners of every rule whose patterns match a concrete path. */
function coveringOwners(path: string, model: Model): string[] {
  const rules = model.freigaberegeln!;
  const result = new Set<string>();
  for (const { rule, ruleId, owner } of matchPaths(rules, [path], (id) => model.mitglied(id) !== undefined).get(path)!) {
    if (ruleId !== 'standard') for (const o of owners(rule.anforderungen, model, owner)) result.add(o);
  }
  return [...result].sort();
}

function line(pattern: string, list: string[]): string {
  // A pattern without owners is valid CODEOWNERS: nobody is requested for those files.
  return [pattern.replace(/ /g, '\\ '), ...list].join(' ');
}

/** Who is asked: HVB logins (where recorded), GitHub teams as @org/slug, a group's logins. */
function owners(requirements: readonly Anforderung[], model: Model, owner?: string): string[] {
  const result = new Set<string>();
  const hvbOf = (id: string) => {
    const member = model.mitglied(id);
    const login = member && hvbLogin(member);
    if (login) result.add(`@${bekannt(member.hvb?.github)}`);
  };
  for (const a of requirements) {
    if (a.art === 'hvb-des-mitglieds' && owner) hvbOf(owner);
    else if (a.art === 'alle-hvb') model.mitglieder.forEach((m) => hvbOf(m.id));
    else if (a.art === 'quorum') {
      const entries = bekannt(model.gremium(a.gremium)?.zusammensetzung);
      const ids =
        entries?.some((e) => e.mitglieder === 'alle') || !entries
          ? model.mitglieder.map((m) => m.id)
          : entries.flatMap((e) => e.mitglieder as readonly string[]);
      ids.forEach(hvbOf);
    } else if (a.art === 'gruppe') {
      const gruppe = model.freigaberegeln?.gruppen?.[a.gruppe];
      const team = bekannt(gruppe?.team);
      if (team) result.add(`@${team}`);
      for (const login of gruppe?.kennungen ?? []) result.add(`@${login}`);
    }
  }
  return [...result].sort();
}
