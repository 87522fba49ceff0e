/**
 * The import cycles of a graph, each as the path that closes it (`a → b → a` is `['a', 'b', 'a']`): one for
 * every edge that leads back into the path being walked. Nodes are visited in sorted order, so a run reports
 * the same cycles in the same order.
 */
export const findCycles = (edges: ReadonlyMap<string, readonly string[]>): string[][] => {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();

  const visit = (node: string) => {
    path.push(node);
    onPath.add(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (onPath.has(next)) cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    onPath.delete(node);
    done.add(node);
  };

  for (const node of [...edges.keys()].sort()) if (!done.has(node)) visit(node);
  return cycles;
};
