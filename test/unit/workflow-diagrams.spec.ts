/**
 * The diagrams in docs/workflows are generated from the machine definitions. This fails when a committed diagram
 * differs from what the machine would render now (or is missing, or is left over): run `npm run diagrams`.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { caseMachineV1 } from '../../workflows/case/case.machine';
import { DIAGRAMS_DIR, diagramFiles, readmeWithDiagram, renderMermaid } from '../../scripts/render-diagrams';

const root = join(__dirname, '..', '..');
const hint = 'The workflow diagrams are out of date: run `npm run diagrams` and commit docs/workflows.';

describe('workflow diagrams', () => {
  const files = diagramFiles();

  it.each(files.map((f) => [f.path, f.content]))('%s is up to date', (path, content) => {
    const full = join(root, path);
    if (!existsSync(full)) throw new Error(`${path} is missing. ${hint}`);
    const committed = readFileSync(full, 'utf8');
    if (committed !== content) throw new Error(`${path} differs from the machine definition. ${hint}`);
  });

  it('shows the current case diagram in README.md', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    if (readmeWithDiagram(readme) !== readme) throw new Error(`README.md's case diagram differs. ${hint}`);
  });

  it('has no left-over generated file for a stage that no longer exists', () => {
    const expected = new Set(files.map((f) => f.path));
    const generated = readdirSync(join(root, DIAGRAMS_DIR))
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(DIAGRAMS_DIR, name))
      .filter((path) => readFileSync(join(root, path), 'utf8').includes('npm run diagrams'));
    const stale = generated.filter((path) => !expected.has(path));
    if (stale.length > 0) throw new Error(`${stale.join(', ')} no longer generated. ${hint} (and delete them)`);
  });

  it('renders deterministically, with every state, initial and final marker, and guarded transitions', () => {
    const text = renderMermaid(caseMachineV1);
    expect(renderMermaid(caseMachineV1)).toBe(text);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('state "decision.awaiting-sign-off" as decision_awaiting_sign_off');
    expect(text).toContain('[*] --> notification\n');
    expect(text).toContain('closed --> [*]');
    expect(text).toContain(
      'decision_awaiting_sign_off --> decision_agreed : decision.signed-off [decisionSignOffCompletesAgreement]',
    );
    expect(text).toContain('learning_action_plan --> learning_action_plan : action.added');
    expect(text).toContain(
      'panel_response_awaiting_response --> decision_reconsidering : panel.responded [panelChallenges]',
    );
    // Mermaid ids: only letters, digits and underscores.
    for (const match of text.matchAll(/ as (\S+)/g)) expect(match[1]).toMatch(/^[A-Za-z0-9_]+$/);
  });
});
