/**
 * A cycle in a directed graph given as edges, as the list of its nodes, or undefined.
 * Iterative depth-first search: linear in the edges, and no recursion that a long chain
 * (thousands of bodies) could overflow.
 */
export function findCycle(edges: readonly (readonly [string, string])[]): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  const state = new Map<string, 'open' | 'done'>();
  for (const [start] of edges) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const cursor: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const targets = next.get(node) ?? [];
      const index = cursor[cursor.length - 1]!;
      if (index >= targets.length) {
        state.set(node, 'done');
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = index + 1;
      const to = targets[index]!;
      if (state.get(to) === 'open') return path.slice(path.indexOf(to));
      if (state.has(to)) continue;
      state.set(to, 'open');
      path.push(to);
      cursor.push(0);
    }
  }
  return undefined;
}

/** Every node some path from `start` leads to (including the start): breadth-first, linear in the edges. */
export function reachableFrom(start: string, edges: readonly (readonly [string, string])[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  const reached = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const to of next.get(queue[i]!) ?? []) {
      if (reached.has(to)) continue;
      reached.add(to);
      queue.push(to);
    }
  }
  return reached;
}

/** Every node from which some path leads to `target` (including the target). */
export function nodesReaching(target: string, edges: readonly (readonly [string, string])[]): Set<string> {
  return reachableFrom(
    target,
    edges.map(([from, to]) => [to, from] as const),
  );
}
