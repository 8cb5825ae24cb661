import { compilePathPattern, type PathMatcher } from '../model/path-pattern';
import type { Freigaberegel, Freigaberegeln } from '../model/types';

/** A rule that applies to a path, and for a member's path the member that owns it. */
export interface RuleMatch {
  rule: Freigaberegel | Freigaberegeln['standard'];
  /** The id of the rule, or "standard" for the default rule. */
  ruleId: string;
  owner?: string;
}

/** A pattern that cannot be compiled matches nothing here: freigaberegeln-gueltig reports it, and the check gate refuses such rules. */
function compile(pattern: string): PathMatcher {
  const compiled = compilePathPattern(pattern);
  return typeof compiled === 'function' ? compiled : () => undefined;
}

/**
 * Which rules apply to each changed path: every rule with a matching pattern (a change must
 * satisfy all of them), else the default rule. A member's pattern matches only for a member
 * recorded at the base commit and only for an edit: a path of an unknown member, or one the
 * pull request creates or deletes, falls under the other rules or the default rule, so that
 * nobody adds or removes a member with that member's approval alone.
 */
export function matchPaths(
  rules: Freigaberegeln,
  files: readonly string[],
  isMember: (id: string) => boolean,
  createdOrDeleted: ReadonlySet<string> = new Set(),
): Map<string, RuleMatch[]> {
  const compiled = rules.regeln.map((rule) => ({ rule, matchers: rule.pfade.map(compile) }));
  const result = new Map<string, RuleMatch[]>();
  for (const path of files) {
    const matches: RuleMatch[] = [];
    for (const { rule, matchers } of compiled) {
      for (const matcher of matchers) {
        const hit = matcher(path);
        // A member's own-file rule covers edits of an existing member's file, not its creation or deletion.
        if (!hit || (hit.owner !== undefined && (!isMember(hit.owner) || createdOrDeleted.has(path)))) continue;
        matches.push({ rule, ruleId: rule.id, ...(hit.owner !== undefined ? { owner: hit.owner } : {}) });
        break;
      }
    }
    result.set(path, matches.length > 0 ? matches : [{ rule: rules.standard, ruleId: 'standard' }]);
  }
  return result;
}
