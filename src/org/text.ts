import { escapeLine } from '../findings/escape';
import { AUFGABE, OFFEN } from './labels';
import { termNames, type BodyView, type DecisionRuleView, type MemberView, type OrgView, type PersonView, type TermNames } from './view';

/**
 * The organisation as German text: members, bodies with escalation, roles, strategy coverage.
 * Nothing read from the data can break a line or hide in it: names are escaped where they are
 * looked up (so that columns line up), and every line passes through escapeLine, so control,
 * zero-width and bidi characters in any value print as visible \u escapes.
 */
export function formatOrgText(view: OrgView): string {
  const names = new Map<string, string>([...view.members.map((m) => [m.id, m.name] as const), ...view.bodies.map((g) => [g.id, g.name] as const)]);
  const name = (id: string) => escapeLine(names.get(id) ?? id);
  const labels = termNames(view);
  const out = [`${view.name} – Organisation am ${view.asOf}`, '', `Mitglieder (${view.members.length})`];
  for (const m of view.members) for (const line of memberLines(m, name, labels)) out.push(line);
  out.push('', `Gremien (${view.bodies.length})${view.topBody ? ` – jede Eskalation endet bei: ${name(view.topBody)}` : ''}`);
  for (const g of view.bodies) for (const line of bodyLines(g, name, labels)) out.push(line);
  out.push('', 'Kommunale Strategien – Abdeckung der Verbundziele (x umgesetzt, · nicht enthalten, ? offen)', ...coverageLines(view, name));
  return out.map(escapeLine).join('\n') + '\n';
}

function personText(p: PersonView | null): string {
  if (!p) return OFFEN;
  return `${p.amt} – ${p.name ?? 'Name offen'}, GitHub ${p.github ?? OFFEN}`;
}

function memberLines(m: MemberView, name: (id: string) => string, labels: TermNames): string[] {
  const lines = [`  ${m.name} (${m.id}), ${m.art}`, `    HVB:          ${personText(m.hvb)}`, `    Vertretung:   ${personText(m.vertretung)}`];
  for (const d of m.delegationen) {
    lines.push(`    Delegation:   ${d.von} → ${d.an}, ${d.gueltig.von} bis ${d.gueltig.bis ?? 'auf Weiteres'}: ${d.umfang}`);
  }
  lines.push(`    Freigabe:     ${m.approvers.length ? m.approvers.join(', ') : 'niemand erfasst'}`);
  lines.push(`    Kontakt:      ${m.digitalisierungskontakt ?? OFFEN}`);
  if (!m.rollen) lines.push(`    Rollen:       ${OFFEN}`);
  else if (m.rollen.length === 0) lines.push('    Rollen:       keine erfasst');
  for (const r of m.rollen ?? []) {
    const extra = [
      r.einheit ? `Einheit ${r.einheit}` : '',
      r.stundenProWoche ? `${r.stundenProWoche} Std./Woche` : '',
      r.geteiltMit.length ? `geteilt mit ${r.geteiltMit.map(name).join(', ')}` : '',
    ].filter(Boolean);
    lines.push(
      `    ${(labels.rollen.get(r.rolle) ?? r.rolle).padEnd(13)} ${r.adresse ?? OFFEN}${r.github ? ` (GitHub ${r.github})` : ''}${extra.length ? `; ${extra.join('; ')}` : ''}`,
    );
  }
  return lines;
}

function regelText(regel: DecisionRuleView | null, labels: TermNames): string {
  if (!regel) return OFFEN;
  if (regel.art !== 'mehrheit') return regel.art === 'konsens' ? 'Konsens' : 'einstimmig';
  const mehrheit = regel.mehrheit ? (labels.mehrheiten.get(regel.mehrheit) ?? regel.mehrheit) : 'Mehrheit (Art offen)';
  return `${mehrheit}, Quorum ${regel.quorum ?? OFFEN}`;
}

function bodyLines(g: BodyView, name: (id: string) => string, labels: TermNames): string[] {
  const composition = g.zusammensetzung
    ?.map(
      (e) =>
        `${e.mitglieder === 'alle' ? 'alle Mitglieder' : e.mitglieder.map(name).join(', ')} (${e.rolle ? (labels.rollen.get(e.rolle) ?? e.rolle) : 'Funktion offen'}${e.anzahl > 1 ? `, je ${e.anzahl}` : ''})`,
    )
    .join('; ');
  const lines = [
    `  ${g.name} (${g.id}) – ${g.aufgabe ? AUFGABE[g.aufgabe] : 'Aufgabe offen'}, Ebene ${g.ebene?.map((id) => labels.gremienebenen.get(id) ?? id).join(', ') ?? OFFEN}`,
    `    Zusammensetzung:    ${composition ?? OFFEN}`,
    `    Vorsitz:            ${g.vorsitz ? `${name(g.vorsitz.mitglied)} (${labels.rollen.get(g.vorsitz.rolle) ?? g.vorsitz.rolle})` : OFFEN}`,
    `    Sitzungsrhythmus:   ${g.sitzungsrhythmus ? (labels.sitzungsrhythmen.get(g.sitzungsrhythmus) ?? g.sitzungsrhythmus) : OFFEN}`,
    `    Entscheidungsregel: ${regelText(g.entscheidungsregel, labels)}`,
  ];
  for (const t of g.entscheidet ?? []) lines.push(`    entscheidet:        ${t}`);
  for (const t of g.bereitetVor ?? []) lines.push(`    bereitet vor:       ${t}`);
  if (g.vorlageAn.length > 0) lines.push(`    legt vor:           ${g.vorlageAn.map(name).join(', ')}`);
  const chain = g.escalation.length > 1 ? escalationText(g, name) : `${g.name} (oberstes Gremium)`;
  lines.push(`    Eskalation:         ${chain}`);
  return lines;
}

/** The chain as „a → b → top“; a shortened one as „a → b → … (N Stufen) → top“. */
function escalationText(g: BodyView, name: (id: string) => string): string {
  const names = g.escalation.map(name);
  if (g.escalationSteps <= g.escalation.length) return names.join(' → ');
  return `${names.slice(0, -1).join(' → ')} → … (${g.escalationSteps} Stufen) → ${names[names.length - 1]}`;
}

function coverageLines(view: OrgView, name: (id: string) => string): string[] {
  const { goals, members } = view.strategies;
  const width = members.reduce((widest, m) => Math.max(widest, name(m.mitglied).length), 8);
  const header = `  ${''.padEnd(width)}  ${goals.map((z) => z.padStart(4)).join('')}  Status`;
  const rows = members.map((row) => {
    const cells = goals.map((z) => (row.ziele === null ? '?' : row.ziele.includes(z) ? 'x' : '·').padStart(4)).join('');
    const doc = [row.titel, row.datum, row.link].filter(Boolean).join(', ');
    return `  ${name(row.mitglied).padEnd(width)}  ${cells}  ${row.status ?? OFFEN}${doc ? ` – ${doc}` : ''}`;
  });
  return [header, ...rows];
}
