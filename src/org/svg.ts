import { organigramDot } from './dot';
import type { OrgView } from './view';

/** Renders the organigram to SVG with Graphviz compiled to WebAssembly (no native binary). */
export async function organigramSvg(view: OrgView): Promise<string> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return graphviz.dot(organigramDot(view), 'svg');
}
