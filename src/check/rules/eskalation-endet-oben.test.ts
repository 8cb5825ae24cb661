// Property: any escalation graph with a cycle is rejected; any tree towards one top body is accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SourceFile } from '../../load/source-file';
import { Model } from '../../model/model';
import type { Gremium } from '../../model/types';
import { eskalationEndetOben } from './eskalation-endet-oben';

function modelOf(edges: Map<number, number[]>, count: number): Model {
  const model = new Model();
  for (let i = 0; i < count; i++) {
    const gremium = {
      apiVersion: 'verbund/v1',
      id: `g${i}`,
      name: `Gremium ${i}`,
      aufgabe: 'vorbereiten',
      zusammensetzung: { offen: 'x' },
      vorlageAn: (edges.get(i) ?? []).map((to) => `g${to}`),
    } as Gremium;
    model.register(gremium, new SourceFile(`governance/gremien/g${i}.yaml`, 'gremium', stringify(gremium)));
    model.add('gremium', gremium);
  }
  model.sort();
  return model;
}

const check = (model: Model) => eskalationEndetOben.check({ model, today: '2026-11-21' });

/** Random graphs on n bodies: a forest pointing at body 0, plus extra edges. */
const graphs = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    parents: fc.array(fc.nat(), { minLength: n, maxLength: n }),
    extra: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: 6 }),
  }),
);

describe('eskalation-endet-oben', () => {
  it('rejects every escalation graph that contains a cycle', () => {
    fc.assert(
      fc.property(graphs, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), ({ n, extra }, loop) => {
        const edges = new Map<number, number[]>();
        const add = (from: number, to: number) => {
          const list = edges.get(from) ?? [];
          if (!list.includes(to)) edges.set(from, [...list, to]);
        };
        for (const [from, to] of extra) add(from, to);
        const cycle = [...new Set(loop.map((x) => x % n))];
        cycle.forEach((node, i) => add(node, cycle[(i + 1) % cycle.length]!));
        const findings = check(modelOf(edges, n));
        expect(findings.some((f) => f.message.includes('Kreis'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts every tree whose escalation ends at the one top body', () => {
    fc.assert(
      fc.property(graphs, ({ n, parents }) => {
        // Body i > 0 escalates to a body with a smaller number: a tree rooted at body 0.
        const edges = new Map<number, number[]>();
        for (let i = 1; i < n; i++) edges.set(i, [parents[i]! % i]);
        expect(check(modelOf(edges, n))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
