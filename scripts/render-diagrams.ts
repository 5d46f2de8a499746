/**
 * Renders the workflow machines as Mermaid state diagrams, straight from their definitions, so the pictures in
 * docs/workflows can never drift from the code: `npm run diagrams` rewrites them, and
 * test/unit/workflow-diagrams.spec.ts fails when a committed file differs from what this script would write.
 *
 * `renderMermaid` is pure and deterministic: states and transitions come out in definition order (the order guards
 * are tried), with no timestamps.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { caseMachineV1 } from '../workflows/case/case.machine';

export interface DiagramFile {
  /** Path relative to the repository root, e.g. `docs/workflows/case.md`. */
  path: string;
  content: string;
}

export const DIAGRAMS_DIR = join('docs', 'workflows');

/** The state's path inside its machine, e.g. `decision.awaiting-sign-off`; the root is named after the machine. */
function pathOf(node: AnyStateNode): string {
  return node.path.length === 0 ? node.machine.id : node.path.join('.');
}

/** Mermaid ids accept letters, digits and `_` only. */
function idOf(node: AnyStateNode): string {
  return pathOf(node).replace(/[^A-Za-z0-9_]/g, '_');
}

function childrenOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states ?? {}) as AnyStateNode[];
}

function isComposite(node: AnyStateNode): boolean {
  return childrenOf(node).length > 0;
}

function subtree(node: AnyStateNode): AnyStateNode[] {
  return [node, ...childrenOf(node).flatMap(subtree)];
}

function guardName(guard: unknown): string | undefined {
  if (!guard) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string')
    return (guard as { type: string }).type;
  if (typeof guard === 'function') return guard.name || 'inline guard';
  return 'guard';
}

/** The deepest node that contains (or is) both nodes. */
function commonAncestor(a: AnyStateNode, b: AnyStateNode): AnyStateNode {
  const ancestors = new Set<AnyStateNode>();
  for (let n: AnyStateNode | undefined = a; n; n = n.parent) ancestors.add(n);
  for (let n: AnyStateNode | undefined = b; n; n = n.parent) if (ancestors.has(n)) return n;
  return a.machine.root;
}

interface Edge {
  from: AnyStateNode;
  to: AnyStateNode;
  label: string;
}

function edgesFrom(node: AnyStateNode): Edge[] {
  const edges: Edge[] = [];
  for (const [eventType, definitions] of node.transitions) {
    if (eventType.startsWith('xstate.')) continue;
    for (const definition of definitions) {
      const guard = guardName(definition.guard);
      const label = guard ? `${eventType} [${guard}]` : eventType;
      const targets = definition.target && definition.target.length > 0 ? definition.target : [node];
      for (const to of targets) edges.push({ from: node, to, label });
    }
  }
  return edges;
}

/**
 * One Mermaid `stateDiagram-v2` for a whole machine, or for one of its state nodes (a stage): the node's states,
 * nested states as composites, initial and final markers, and every transition with its event and guard. States
 * outside the node that its transitions lead to are drawn as plain states beside it.
 */
export function renderMermaid(target: AnyStateMachine | AnyStateNode): string {
  const scope: AnyStateNode = 'path' in target ? target : target.root;
  const isRoot = scope.path.length === 0;
  const inScope = new Set(subtree(scope));
  const edges = subtree(scope).flatMap(edgesFrom);

  // Each edge is written inside the composite that contains both of its ends (Mermaid draws it best there).
  const edgesByContainer = new Map<AnyStateNode | undefined, Edge[]>();
  for (const edge of edges) {
    let container: AnyStateNode | undefined = commonAncestor(edge.from, edge.to);
    if (edge.from === edge.to || container === edge.from || container === edge.to) container = container.parent;
    if (container && !inScope.has(container)) container = undefined;
    if (!inScope.has(edge.to) && container !== undefined) container = undefined;
    const list = edgesByContainer.get(container) ?? [];
    list.push(edge);
    edgesByContainer.set(container, list);
  }

  const lines: string[] = ['stateDiagram-v2'];
  const edgeLine = (edge: Edge, indent: string) => `${indent}${idOf(edge.from)} --> ${idOf(edge.to)} : ${edge.label}`;

  const renderNode = (node: AnyStateNode, indent: string): void => {
    lines.push(`${indent}state "${pathOf(node)}" as ${idOf(node)}`);
    if (!isComposite(node)) return;
    lines.push(`${indent}state ${idOf(node)} {`);
    const inner = `${indent}  `;
    for (const initial of node.initial?.target ?? []) lines.push(`${inner}[*] --> ${idOf(initial)}`);
    for (const child of childrenOf(node)) renderNode(child, inner);
    for (const child of childrenOf(node)) if (child.type === 'final') lines.push(`${inner}${idOf(child)} --> [*]`);
    for (const edge of edgesByContainer.get(node) ?? []) lines.push(edgeLine(edge, inner));
    lines.push(`${indent}}`);
  };

  if (!isRoot) lines.push(`  [*] --> ${idOf(scope)}`);
  renderNode(scope, '  ');
  if (scope.type === 'final') lines.push(`  ${idOf(scope)} --> [*]`);

  const outside = [...new Set(edges.map((e) => e.to).filter((n) => !inScope.has(n)))];
  for (const node of outside) {
    lines.push(`  state "${pathOf(node)}" as ${idOf(node)}`);
    if (node.type === 'final') lines.push(`  ${idOf(node)} --> [*]`);
  }
  for (const edge of edgesByContainer.get(undefined) ?? []) lines.push(edgeLine(edge, '  '));
  return `${lines.join('\n')}\n`;
}

function markdown(title: string, intro: string, machine: AnyStateMachine | AnyStateNode): string {
  return [
    `# ${title}`,
    '',
    `${intro} This file is generated from the machine definition by \`npm run diagrams\` ` +
      '(scripts/render-diagrams.ts): do not edit it by hand, change the machine and run the script again.',
    '',
    '```mermaid',
    renderMermaid(machine).trimEnd(),
    '```',
    '',
  ].join('\n');
}

/** Every file `npm run diagrams` writes, with its content: the whole case machine, then one file per stage. */
export function diagramFiles(machine: AnyStateMachine = caseMachineV1): DiagramFile[] {
  const files: DiagramFile[] = [
    {
      path: join(DIAGRAMS_DIR, `${machine.id}.md`),
      content: markdown(
        `Workflow: ${machine.id}`,
        `The whole \`${machine.id}\` state machine: its stages (top-level states), their states, and every event ` +
          'that moves a case, with the guard that decides between branches in brackets. A self-transition is an ' +
          'event the state records without moving.',
        machine,
      ),
    },
  ];
  for (const stage of childrenOf(machine.root)) {
    files.push({
      path: join(DIAGRAMS_DIR, `${stage.key}.md`),
      content: markdown(
        `Workflow: ${machine.id} / ${stage.key}`,
        `The \`${stage.key}\` stage of the \`${machine.id}\` machine, with the states outside it that its events lead to.` +
          `${stage.description ? ` ${stage.description}` : ''}`,
        stage,
      ),
    });
  }
  return files;
}

export const README_START = '<!-- case-diagram:start (generated by npm run diagrams) -->';
export const README_END = '<!-- case-diagram:end -->';

/** The README with its case diagram block replaced by the machine's current diagram. */
export function readmeWithDiagram(readme: string, machine: AnyStateMachine = caseMachineV1): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${README_START} and ${README_END}`);
  const block = `${README_START}\n\n\`\`\`mermaid\n${renderMermaid(machine)}\`\`\`\n\n`;
  return readme.slice(0, start) + block + readme.slice(end);
}

export function main(root: string = join(__dirname, '..')): void {
  mkdirSync(join(root, DIAGRAMS_DIR), { recursive: true });
  for (const file of diagramFiles()) {
    writeFileSync(join(root, file.path), file.content);
    console.log(`wrote ${file.path}`);
  }
  const readme = join(root, 'README.md');
  writeFileSync(readme, readmeWithDiagram(readFileSync(readme, 'utf8')));
  console.log('wrote the case diagram into README.md');
}

if (require.main === module) {
  main();
}
