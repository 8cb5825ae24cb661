import { AUFGABE, ROLLE } from './labels';
import type { OrgView } from './view';

/**
 * The organigram of §X (Fig. 6) as Graphviz DOT: bodies as boxes with escalation edges
 * ("legt vor") pointing up to the top body, and the members in a cluster that sends its
 * representatives into the bodies. Deterministic: same data, same bytes.
 */
export function organigramDot(view: OrgView): string {
  const lines = [
    'digraph Organigramm {',
    `  graph [rankdir=BT, compound=true, fontname="Helvetica", fontsize=18, labelloc=t, label=${quote('Organigramm der Zusammenarbeit im ' + view.verbund)}, nodesep=0.5, ranksep=0.8];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#e8eef6", color="#2b4c7e", fontname="Helvetica", fontsize=14, margin="0.2,0.1"];',
    '  edge [color="#2b4c7e", fontname="Helvetica", fontsize=12];',
  ];
  for (const g of view.gremien) {
    const top = g.id === view.oberstesGremium;
    lines.push(`  ${quote(g.id)} [label=${quote(`${g.name}\n${g.aufgabe ? AUFGABE[g.aufgabe] : 'Aufgabe offen'}`)}${top ? ', fillcolor="#c9d8ec", penwidth=2' : ''}];`);
  }
  for (const g of view.gremien) {
    for (const target of g.vorlageAn) lines.push(`  ${quote(g.id)} -> ${quote(target)} [label="legt vor"];`);
  }
  const members = view.mitglieder;
  if (members.length > 0) {
    lines.push('  subgraph cluster_mitglieder {', `    label=${quote('Mitglieder')}; style="rounded"; color="#7a8da8"; fontsize=14;`);
    for (const m of members) lines.push(`    ${quote(memberNode(m.id))} [label=${quote(m.name)}, shape=ellipse, fillcolor="#f4f6f9"];`);
    // Rows of MEMBERS_PER_ROW keep the organigram printable on a landscape page.
    for (let i = MEMBERS_PER_ROW; i < members.length; i++) {
      lines.push(`    ${quote(memberNode(members[i]!.id))} -> ${quote(memberNode(members[i - MEMBERS_PER_ROW]!.id))} [style=invis];`);
    }
    lines.push('  }');
    // Edges into the cluster start at a node of its top row (rows grow downwards).
    const anchor = memberNode(members[Math.min(MEMBERS_PER_ROW, members.length) >> 1]!.id);
    // Keep every body above the members: the lowest bodies (nobody submits to them) get an invisible edge.
    const submittedTo = new Set(view.gremien.flatMap((g) => g.vorlageAn));
    for (const g of view.gremien.filter((g) => !submittedTo.has(g.id))) lines.push(`  ${quote(anchor)} -> ${quote(g.id)} [style=invis];`);
    for (const g of view.gremien) {
      for (const e of g.zusammensetzung ?? []) {
        const label = quote(`entsenden: ${e.rolle ? ROLLE[e.rolle] ?? e.rolle : 'offen'}`);
        if (e.mitglieder === 'alle') {
          lines.push(`  ${quote(anchor)} -> ${quote(g.id)} [ltail=cluster_mitglieder, style=dashed, label=${label}];`);
        } else {
          for (const id of e.mitglieder) lines.push(`  ${quote(memberNode(id))} -> ${quote(g.id)} [style=dashed, label=${label}];`);
        }
      }
    }
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

const MEMBERS_PER_ROW = 4;

export function memberNode(id: string): string {
  return `mitglied:${id}`;
}

/**
 * A DOT double-quoted string; \n becomes a centred line break. Graphviz decodes HTML
 * entities in labels, so & is escaped too: names show exactly as written.
 */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;').replace(/\n/g, '\\n')}"`;
}
