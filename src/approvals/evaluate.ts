import { loginKey } from '../model/approval';
import type { Model } from '../model/model';
import type { Anforderung } from '../model/types';
import { berlinDay } from './berlin';
import type { Decision, RequirementResult, ResolutionResult } from './decision';
import { matchPaths } from './paths';
import { judge, type Context, type Demand } from './requirements';
import { checkResolution } from './resolution';
import type { Snapshot } from './snapshot';
import { Identities, lastWords } from './votes';

/** Governance as the base commit has it: the checked model and the files it was read from. */
export interface BaseGovernance {
  model: Model;
  /** The rule and identity files with their SHA-256, for the record. */
  basis: { path: string; sha256: string }[];
}

/**
 * The approval decision for a pull request: a pure function of the snapshot (what GitHub
 * says), the governance of the base commit and the time of evaluation. Fails closed: without
 * approval rules at the base commit nothing is approved.
 */
export function evaluate(snapshot: Snapshot, governance: BaseGovernance, now: string): Decision {
  const { model } = governance;
  const head = { sha: snapshot.head.sha, tree: snapshot.head.tree };
  const frame = {
    evaluatedAt: now,
    repo: snapshot.repo,
    pullRequest: snapshot.pullRequest,
    author: snapshot.author,
    base: snapshot.base,
    head,
    basis: governance.basis,
  };
  const rules = model.freigaberegeln;
  if (!rules) {
    const note = 'Der Basis-Commit hat keine Freigaberegeln (policies/freigaberegeln.yaml); ohne Regeln ist nichts freigegeben.';
    return { ok: false, ...frame, paths: [], requirements: [], notes: [note] };
  }
  const matches = matchPaths(rules, snapshot.files, (id) => model.mitglied(id) !== undefined, new Set(snapshot.createdOrDeleted ?? []));
  const identities = new Identities(model.mitglieder);
  const context: Context = {
    model,
    snapshot,
    words: lastWords(snapshot, identities),
    today: berlinDay(now),
    author: identities.personOf(snapshot.author) ?? loginKey(snapshot.author.login),
    notes: [],
  };
  const requirements = [...demands(matches).values()].map((demand) => judge(demand, context));
  const resolution = resolutionOf(matches, snapshot.body, context.today);
  const ok = requirements.every((r) => r.met) && (resolution === undefined || resolution.found !== undefined);
  const paths = [...matches].map(([path, list]) => ({ path, rules: list.map((m) => m.ruleId), ...ownerOf(list) }));
  return { ok, ...frame, paths, requirements: sortRequirements(requirements), ...(resolution ? { resolution } : {}), notes: [...new Set(context.notes)] };
}

/** Every requirement once, with all the rules that demand it: the union over all changed paths. */
function demands(matches: ReturnType<typeof matchPaths>): Map<string, Demand> {
  const result = new Map<string, Demand>();
  for (const list of matches.values()) {
    for (const { rule, ruleId, owner } of list) {
      for (const requirement of rule.anforderungen) {
        const key = keyOf(requirement, owner);
        const known = result.get(key);
        if (known) {
          if (!known.rules.includes(ruleId)) known.rules.push(ruleId);
        } else result.set(key, { requirement, rules: [ruleId], ...(requirement.art === 'hvb-des-mitglieds' ? { owner: owner! } : {}) });
      }
    }
  }
  return result;
}

function keyOf(requirement: Anforderung, owner: string | undefined): string {
  switch (requirement.art) {
    case 'hvb-des-mitglieds':
      return `hvb:${owner}`;
    case 'quorum':
      return `quorum:${requirement.gremium}:${requirement.anteil ?? ''}`;
    case 'gruppe':
      return `gruppe:${requirement.gruppe}:${requirement.anzahl}`;
    case 'keine':
      return `keine:${requirement.begruendung}`;
    default:
      return requirement.art;
  }
}

function ownerOf(list: { owner?: string }[]): { owner?: string } {
  const owner = list.find((m) => m.owner !== undefined)?.owner;
  return owner === undefined ? {} : { owner };
}

/** A resolution is needed when any applying rule demands one; any of their bodies may pass it. */
function resolutionOf(matches: ReturnType<typeof matchPaths>, body: string, today: string): ResolutionResult | undefined {
  const rules = new Set<string>();
  const bodies = new Set<string>();
  for (const list of matches.values()) {
    for (const { rule, ruleId } of list) {
      if (!rule.beschluss) continue;
      rules.add(ruleId);
      for (const b of rule.beschluss.gremien) bodies.add(b);
    }
  }
  if (rules.size === 0) return undefined;
  const check = checkResolution(body, [...bodies], today);
  return { rules: [...rules], bodies: [...bodies], ...check };
}

/** Unmet first, then by kind and subject: what the reader must act on comes first. */
function sortRequirements(list: RequirementResult[]): RequirementResult[] {
  return list.sort((a, b) => Number(a.met) - Number(b.met) || a.description.localeCompare(b.description, 'de'));
}
