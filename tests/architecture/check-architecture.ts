import { findCycles } from './find-cycles';
import { LAYER_RULES, type LayerRule } from './layer-rules';
import type { ImportTarget, ModuleGraph, SourceModule } from './module-graph';

export interface Violation {
  rule: string;
  file: string;
  detail: string;
}

const describeTarget = (target: ImportTarget) => {
  switch (target.kind) {
    case 'file':
      return target.path;
    case 'package':
      return target.name;
    case 'missing':
      return `${target.specifier} (no such file)`;
  }
};

const layerViolations = (module: SourceModule, rules: readonly LayerRule[]): Violation[] =>
  rules
    .filter((rule) => rule.appliesTo(module.path))
    .flatMap((rule) =>
      module.imports.filter(rule.forbids).map((target) => ({
        rule: rule.name,
        file: module.path,
        detail: `imports ${describeTarget(target)}: ${rule.why}`,
      })),
    );

// An import the checker cannot follow would hide whatever lies behind it from every other rule.
const missingImports = (module: SourceModule): Violation[] =>
  module.imports
    .filter((target) => target.kind === 'missing')
    .map((target) => ({ rule: 'imports-resolve', file: module.path, detail: `imports ${describeTarget(target)}` }));

const extensionGlobals = (module: SourceModule): Violation[] =>
  module.path.startsWith('utils/')
    ? module.extensionGlobals.map((found) => ({
        rule: 'utils-names-no-extension-global',
        file: module.path,
        detail: `uses ${found}: utils/ takes what it needs from the browser as a parameter`,
      }))
    : [];

const cycleViolations = (graph: ModuleGraph): Violation[] => {
  const edges = new Map(
    graph.map((module) => [
      module.path,
      module.imports.flatMap((target) => (target.kind === 'file' ? [target.path] : [])),
    ]),
  );
  return findCycles(edges).map((cycle) => ({
    rule: 'no-import-cycle',
    file: cycle[0] ?? '',
    detail: `starts the cycle ${cycle.join(' → ')}`,
  }));
};

/** Every way the graph breaks the layout; empty when it holds. */
export const checkArchitecture = (graph: ModuleGraph, rules: readonly LayerRule[] = LAYER_RULES): Violation[] => [
  ...graph.flatMap((module) => [
    ...layerViolations(module, rules),
    ...missingImports(module),
    ...extensionGlobals(module),
  ]),
  ...cycleViolations(graph),
];

export const formatViolation = ({ rule, file, detail }: Violation) => `${rule}: ${file} ${detail}`;
