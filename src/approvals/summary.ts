import { escapeLine, escapeMarkdown } from '../findings/escape';
import type { Decision, RequirementResult, VoteRecord } from './decision';

/** One line per requirement, as both the text and the check run show it. */
interface Row {
  rules: string;
  paths: number;
  requirement: string;
  needed: number;
  approvedBy: string[];
  missing: string;
}

const VERDICT = (ok: boolean) => (ok ? 'freigegeben' : 'nicht freigegeben');
const short = (sha: string) => sha.slice(0, 7);

/** "12.03.2026 14:05 (UTC)": when a vote was given, readable and unambiguous. */
function when(iso: string): string {
  const [date, time] = iso.split('T');
  const [y, m, d] = date!.split('-');
  return `${d}.${m}.${y} ${time!.slice(0, 5)} UTC`;
}

function vote(v: VoteRecord): string {
  const role = v.role === 'hvb' ? 'HVB' : v.role === 'gruppe' ? 'Gruppe' : 'Vertretung';
  const via = v.delegation ? `, Delegation von ${v.delegation.von} ${v.delegation.gueltig.von} bis ${v.delegation.gueltig.bis ?? 'auf Weiteres'}` : '';
  return `${v.name ? `${v.name} ` : ''}${v.name ? `(${v.login}, ` : `${v.login} (`}${v.member ? `${v.member}, ` : ''}${role}, ${when(v.submittedAt)}${via})`;
}

function rows(decision: Decision): Row[] {
  const pathsPerRule = new Map<string, number>();
  for (const p of decision.paths) for (const r of p.rules) pathsPerRule.set(r, (pathsPerRule.get(r) ?? 0) + 1);
  return decision.requirements.map((r: RequirementResult) => ({
    rules: r.rules.join(', '),
    paths: Math.max(...r.rules.map((id) => pathsPerRule.get(id) ?? 0)),
    requirement: r.description,
    needed: r.needed,
    approvedBy: r.votes.map(vote),
    missing: r.met
      ? '–'
      : r.missing.map((m) => `${m.name}${m.whoCanApprove.length ? ` (${m.whoCanApprove.join(', ')})` : ''}`).join('; ') || `${r.needed - r.approved} Stimme(n)`,
  }));
}

function resolutionLine(decision: Decision): string | undefined {
  const r = decision.resolution;
  if (!r) return undefined;
  return r.found
    ? `Beschluss: ${r.found.gremium}, ${r.found.datum}, Nr. ${r.found.nummer} (verlangt von: ${r.rules.join(', ')})`
    : `Beschluss fehlt: ${r.problem}`;
}

/** The decision as German text for the terminal; every value from outside is escaped. */
export function formatDecisionText(decision: Decision): string {
  const out = [
    `HVB-Freigabe für ${decision.repo}#${decision.pullRequest} – ${VERDICT(decision.ok)}`,
    `Basis ${short(decision.base.sha)} · Kopf ${short(decision.head.sha)} (Baum ${short(decision.head.tree)}) · ${decision.paths.length} geänderte Pfade`,
    '',
  ];
  for (const row of rows(decision)) {
    out.push(`${row.requirement} – Regel ${row.rules}, ${row.paths} Pfad(e): ${row.approvedBy.length} von ${row.needed} nötig`);
    for (const v of row.approvedBy) out.push(`  zugestimmt: ${v}`);
    if (row.missing !== '–') out.push(`  fehlt: ${row.missing}`);
  }
  const resolution = resolutionLine(decision);
  if (resolution) out.push('', resolution);
  if (decision.notes.length) out.push('', 'Hinweise:', ...decision.notes.map((n) => `  ${n}`));
  return out.map(escapeLine).join('\n') + '\n';
}

/** The decision as the Markdown summary of the check run "HVB-Freigabe". */
export function formatDecisionMarkdown(decision: Decision): { title: string; summary: string } {
  const cell = (text: string) => escapeMarkdown(text);
  const lines = [
    `**${VERDICT(decision.ok)}** – Basis \`${short(decision.base.sha)}\`, Kopf \`${short(decision.head.sha)}\` (Baum \`${short(decision.head.tree)}\`)`,
    '',
    '| Regel | Pfade | Anforderung | benötigt | zugestimmt von | fehlt |',
    '|---|---|---|---|---|---|',
    ...rows(decision).map(
      (r) => `| ${cell(r.rules)} | ${r.paths} | ${cell(r.requirement)} | ${r.needed} | ${r.approvedBy.map(cell).join('<br>') || '–'} | ${cell(r.missing)} |`,
    ),
  ];
  const resolution = resolutionLine(decision);
  if (resolution) lines.push('', cell(resolution));
  if (decision.notes.length) lines.push('', ...decision.notes.map((n) => `- ${cell(n)}`));
  return { title: `HVB-Freigabe: ${VERDICT(decision.ok)}`, summary: lines.join('\n') };
}
