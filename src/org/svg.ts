import { organigramDot } from './dot';
import type { OrgView } from './view';

/**
 * Limits of the organigram, measured with @hpcc-js/wasm-graphviz 1.29: within them the worst
 * shapes found take about 3 s (150 members sending into one body; 500 members; a chain or a
 * fan of 150 bodies takes under 0.5 s). Beyond them the layout grows far faster than the
 * data – 200 members sending into one body take 10 s, 30 bodies that each submit to all
 * higher ones 11 s, 45 of them more than 100 s – and a chain of about 2,000 bodies overflows
 * the stack of the WebAssembly layout. An organigram of that size is unreadable on paper
 * anyway; text and JSON show the organisation at any size.
 */
export const ORGANIGRAM_LIMITS = {
  /** Bodies and members together: the boxes and ellipses drawn. */
  nodes: 500,
  /** Arrows drawn: "legt vor" (each target in vorlageAn) and "entsenden" (each composition entry, per member or "alle"). */
  edges: 150,
} as const;

/** The organigram cannot be drawn: too large for a readable and timely layout. The CLI exits with 2. */
export class OrganigramTooLarge extends Error {
  override readonly name = 'OrganigramTooLarge';
}

const ADVICE = 'Bitte --format text oder --format json verwenden; sie zeigen die Organisation in jeder Größe.';

/** Renders the organigram to SVG with Graphviz compiled to WebAssembly (no native binary). */
export async function organigramSvg(view: OrgView): Promise<string> {
  const nodes = view.bodies.length + view.members.length;
  const edges = view.bodies.reduce(
    (sum, g) => sum + g.vorlageAn.length + (g.zusammensetzung ?? []).reduce((n, e) => n + (e.mitglieder === 'alle' ? 1 : e.mitglieder.length), 0),
    0,
  );
  if (nodes > ORGANIGRAM_LIMITS.nodes || edges > ORGANIGRAM_LIMITS.edges) {
    throw new OrganigramTooLarge(
      `Das Organigramm ist zu groß zum Zeichnen: ${view.bodies.length} Gremien und ${view.members.length} Mitglieder mit ${edges} Verbindungen ` +
        `(höchstens ${ORGANIGRAM_LIMITS.nodes} Gremien und Mitglieder zusammen und ${ORGANIGRAM_LIMITS.edges} Verbindungen). ${ADVICE}`,
    );
  }
  const dot = organigramDot(view);
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  try {
    return graphviz.dot(dot, 'svg');
  } catch (error) {
    // The layout recursed too deep. The package rethrows the RangeError as a plain Error with its message.
    if (error instanceof RangeError || (error instanceof Error && /Maximum call stack size exceeded/.test(error.message))) {
      throw new OrganigramTooLarge(`Das Organigramm ist zu groß zum Zeichnen: Die Anordnung der Gremien und Mitglieder ist zu tief verschachtelt. ${ADVICE}`);
    }
    throw error;
  }
}
