// Builds snapshots of pull requests against the example Verbund for the approval tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BaseGovernance } from '../../src/approvals/evaluate';
import type { GithubUser, Review, ReviewState, Snapshot } from '../../src/approvals/snapshot';
import { loadChecked, openSource } from '../../src/pipeline';
import { compileValidators } from '../../src/schema/compile';
import { EXAMPLE } from '../fixture-cases';

const validators = compileValidators(path.join(__dirname, '..', '..', 'schemas', 'governance'));

/** The checked governance of a Verbund folder, as the base commit would give it. */
export function governanceOf(root: string = EXAMPLE): BaseGovernance {
  const gate = loadChecked(openSource(root), { validators, today: '2026-11-30' });
  if (!gate.ok) throw new Error(`${root} must pass the check: ${gate.result.findings.map((f) => f.message).join('; ')}`);
  return { model: gate.model, basis: [] };
}

/** The HVB (1001…) and deputies (2001…) of the example, by member. */
export const HVB: Record<string, GithubUser> = {
  'flecken-lindenau': { id: 1001, login: 'bm-lindenau' },
  'gemeinde-birkenfelde': { id: 1002, login: 'bm-birkenfelde' },
  'gemeinde-eichwalde': { id: 1003, login: 'bm-eichwalde' },
  'landkreis-heideland': { id: 1004, login: 'lr-heideland' },
  'samtgemeinde-am-moorbach': { id: 1005, login: 'sgbm-am-moorbach' },
  'stadt-musterstadt': { id: 1006, login: 'bm-musterstadt' },
};
export const DEPUTY: Record<string, GithubUser> = {
  'flecken-lindenau': { id: 2001, login: 'av-lindenau' },
  'landkreis-heideland': { id: 2004, login: 'ekr-heideland' },
  'stadt-musterstadt': { id: 2006, login: 'esr-musterstadt' },
};
export const AUTHOR: GithubUser = { id: 9000, login: 'referentin-digital' };
export const HEAD = { sha: 'a1'.repeat(20), tree: 'b2'.repeat(20) };
export const OLD = { sha: 'c3'.repeat(20), tree: 'd4'.repeat(20) };
/** A commit after a rebase that changed nothing: another sha, the same tree. */
export const REBASED = { sha: 'e5'.repeat(20), tree: HEAD.tree };
/** When the decisions are evaluated (deputies are asked for "today"). */
export const NOW = '2026-11-30T10:00:00Z';

let nextReview = 1;

/** A review, by default an approval on the head commit, submitted on 2026-11-30. */
export function review(user: GithubUser, over: Partial<Review> & { state?: ReviewState } = {}): Review {
  return { id: nextReview++, user, state: 'APPROVED', submittedAt: '2026-11-30T09:00:00Z', commitId: HEAD.sha, ...over };
}

export function snapshot(files: string[], reviews: Review[], over: Partial<Snapshot> = {}): Snapshot {
  return {
    repo: 'musterverbund/governance',
    pullRequest: 42,
    author: AUTHOR,
    body: '',
    base: { sha: 'f'.repeat(40) },
    head: HEAD,
    files,
    reviews,
    trees: { [HEAD.sha]: HEAD.tree, [OLD.sha]: OLD.tree, [REBASED.sha]: REBASED.tree },
    teams: {
      'musterverbund/plattform': [
        { id: 3001, login: 'ops-anna' },
        { id: 3002, login: 'ops-ben' },
        { id: 3003, login: 'ops-cem' },
      ],
    },
    ...over,
  };
}

/** Approvals of every HVB of the example, on the head commit. */
export function allHvb(): Review[] {
  return Object.values(HVB).map((user) => review(user));
}

/** The example with two more members (gemeinde-zusatz-1 and -2, HVB bm-zusatz-1/-2): eight in all. */
export function governanceOfEight(): BaseGovernance {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbund-acht-'));
  for (const dir of ['governance', 'policies']) fs.cpSync(path.join(EXAMPLE, dir), path.join(root, dir), { recursive: true });
  const template = fs.readFileSync(path.join(root, 'governance', 'mitglieder', 'gemeinde-eichwalde.yaml'), 'utf8');
  const strategy = fs.readFileSync(path.join(root, 'governance', 'strategien', 'gemeinde-eichwalde.yaml'), 'utf8');
  const verbund = path.join(root, 'governance', 'verbund.yaml');
  for (const n of [1, 2]) {
    const id = `gemeinde-zusatz-${n}`;
    const member = template
      .replace(/gemeinde-eichwalde/g, id)
      .replace(/eichwalde/g, `zusatz-${n}`)
      .replace(/Eichwalde/g, `Zusatz ${n}`)
      .replace(/githubId: (\d+)/g, (_, id: string) => `githubId: ${Number(id) + 100 * n}`);
    fs.writeFileSync(path.join(root, 'governance', 'mitglieder', `${id}.yaml`), member);
    fs.writeFileSync(path.join(root, 'governance', 'strategien', `${id}.yaml`), strategy.replace(/gemeinde-eichwalde/g, id));
    fs.writeFileSync(verbund, fs.readFileSync(verbund, 'utf8').replace('  - gemeinde-eichwalde\n', `  - gemeinde-eichwalde\n  - ${id}\n`));
  }
  try {
    return governanceOf(root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
