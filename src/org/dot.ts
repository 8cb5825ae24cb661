import { escapeLine } from '../findings/escape';
import { compareIds } from '../model/model';
import { AUFGABE } from './labels';
import { compareBodies, termNames, type OrgView } from './view';

/**
 * The organigram of the Verbund's bodies as Graphviz DOT: bodies as boxes with escalation edges
 * ("legt vor") pointing up to the top body, and the members in a cluster that sends its
 * representatives into the bodies. Deterministic: same data, same bytes, whatever the order
 * of members, bodies, escalation targets and composition entries in the view (Graphviz lays out
 * nodes and edges in the order it reads them, so everything is sorted here first). Names in
 * labels show control, zero-width and bidi characters as visible \u escapes, as the text does.
 */
export function organigramDot(view: OrgView): string {
  const bodies = [...view.bodies].sort(compareBodies);
  const members = [...view.members].sort((a, b) => compareIds(a.id, b.id));
  const roles = termNames(view).rollen;
  const lines = [
    'digraph Organigramm {',
    `  graph [rankdir=BT, compound=true, fontname="Helvetica", fontsize=18, labelloc=t, label=${quote('Organigramm der Zusammenarbeit im ' + escapeLine(view.name))}, nodesep=0.5, ranksep=0.8];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#e8eef6", color="#2b4c7e", fontname="Helvetica", fontsize=14, margin="0.2,0.1"];',
    '  edge [color="#2b4c7e", fontname="Helvetica", fontsize=12];',
  ];
  for (const g of bodies) {
    const top = g.id === view.topBody;
    lines.push(
      `  ${node(g.id)} [label=${quote(`${escapeLine(g.name)}\n${g.aufgabe ? AUFGABE[g.aufgabe] : 'Aufgabe offen'}`)}${top ? ', fillcolor="#c9d8ec", penwidth=2' : ''}];`,
    );
  }
  for (const g of bodies) {
    for (const target of [...g.vorlageAn].sort(compareIds)) lines.push(`  ${node(g.id)} -> ${node(target)} [label="legt vor"];`);
  }
  if (members.length > 0) {
    lines.push('  subgraph cluster_mitglieder {', `    label=${quote('Mitglieder')}; style="rounded"; color="#7a8da8"; fontsize=14;`);
    for (const m of members) lines.push(`    ${node(memberNode(m.id))} [label=${quote(escapeLine(m.name))}, shape=ellipse, fillcolor="#f4f6f9"];`);
    // Rows of MEMBERS_PER_ROW keep the organigram printable on a landscape page.
    for (let i = MEMBERS_PER_ROW; i < members.length; i++) {
      lines.push(`    ${node(memberNode(members[i]!.id))} -> ${node(memberNode(members[i - MEMBERS_PER_ROW]!.id))} [style=invis];`);
    }
    lines.push('  }');
    // Edges into the cluster start at a node of its top row (rows grow downwards).
    const anchor = memberNode(members[Math.min(MEMBERS_PER_ROW, members.length) >> 1]!.id);
    // Keep every body above the members: the lowest bodies (nobody submits to them) get an invisible edge.
    const submittedTo = new Set(bodies.flatMap((g) => g.vorlageAn));
    for (const g of bodies.filter((g) => !submittedTo.has(g.id))) lines.push(`  ${node(anchor)} -> ${node(g.id)} [style=invis];`);
    for (const g of bodies) {
      // Who sends into the body: "alle" (from the cluster) first, then each member by id.
      const senders = (g.zusammensetzung ?? [])
        .flatMap((e): { member: string | null; label: string }[] => {
          const label = `entsenden: ${e.rolle ? escapeLine(roles.get(e.rolle) ?? e.rolle) : 'offen'}`;
          return e.mitglieder === 'alle' ? [{ member: null, label }] : e.mitglieder.map((member) => ({ member, label }));
        })
        .sort(
          (a, b) => (a.member === null ? -1 : 0) - (b.member === null ? -1 : 0) || compareIds(a.member ?? '', b.member ?? '') || compareIds(a.label, b.label),
        );
      for (const { member, label } of senders) {
        if (member === null) lines.push(`  ${node(anchor)} -> ${node(g.id)} [ltail=cluster_mitglieder, style=dashed, label=${quote(label)}];`);
        else lines.push(`  ${node(memberNode(member))} -> ${node(g.id)} [style=dashed, label=${quote(label)}];`);
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

/** A node id in DOT: ids come from the data too, so they show invisible characters as escapes like names do. */
function node(id: string): string {
  return quote(escapeLine(id));
}

/**
 * A DOT double-quoted string; \n becomes a centred line break. Graphviz decodes HTML
 * entities in labels, so & is escaped too: names show exactly as written. Characters that
 * XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF, lone surrogates) would pass through Graphviz into the SVG unchanged and
 * make it ill-formed: they become visible \u escapes first, whatever string this quotes.
 */
function quote(text: string): string {
  return `"${xmlSafe(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;').replace(/\n/g, '\\n')}"`;
}

const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without characters that XML 1.0 forbids: each shown as \uXXXX. */
function xmlSafe(text: string): string {
  return text.replace(NOT_IN_XML, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
