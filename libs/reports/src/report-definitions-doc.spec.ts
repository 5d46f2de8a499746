/**
 * docs/reports.md is generated from the figures' one list. This fails when the committed file differs from what the
 * list gives now (a figure added, renamed or redefined without regenerating it): run `npm run docs:reports`.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { REPORT_DEFINITIONS_PATH, reportDefinitionsMarkdown } from './report-definitions-doc';
import { REPORT_FIGURES, REPORT_SECTIONS } from './report-figures';

const root = join(__dirname, '..', '..', '..');
const HINT = 'docs/reports.md is out of date: run `npm run docs:reports` and commit docs/reports.md.';

describe('docs/reports.md', () => {
  const generated = reportDefinitionsMarkdown();
  const committed = readFileSync(join(root, REPORT_DEFINITIONS_PATH), 'utf8');

  it('is what the figures give now', () => {
    if (committed !== generated) {
      const committedLines = committed.split('\n');
      const line = generated.split('\n').findIndex((text, i) => text !== committedLines[i]);
      throw new Error(`${HINT} (first difference at line ${line + 1})`);
    }
  });

  it.each(REPORT_FIGURES.map((figure) => [figure.id, figure]))('defines %s under its label', (_id, figure) => {
    const heading = `### ${figure.label}\n`;
    expect(committed).toContain(heading);
    const section = committed.slice(committed.indexOf(heading));
    const nextHeading = section.indexOf('\n#', heading.length);
    const own = nextHeading < 0 ? section : section.slice(0, nextHeading);
    expect(own).toContain(figure.definition);
    expect(own).toContain(`Row id \`${figure.id}\``);
    for (const { key, label } of figure.statistics ?? figure.rows ?? [])
      expect(own).toContain(`| \`${figure.id}.${key}\` | ${label} |`);
  });

  it('gives every figure one heading, under its section, in the list’s order', () => {
    const headings = committed.split('\n').filter((line) => /^#{2,3} /.test(line));
    const expected = REPORT_SECTIONS.flatMap(({ id, title }) => [
      `## ${title}`,
      ...REPORT_FIGURES.filter(({ section }) => section === id).map(({ label }) => `### ${label}`),
    ]);
    expect(headings).toEqual(expected);
  });

  it('marks the figures under the small-number rule, and only those', () => {
    for (const figure of REPORT_FIGURES) {
      const heading = `### ${figure.label}\n`;
      const rowLine = committed.slice(committed.indexOf(heading)).split('\n')[2];
      expect({ id: figure.id, marked: rowLine.includes('small-number rule') }).toEqual({
        id: figure.id,
        marked: Boolean(figure.smallNumbers),
      });
    }
  });
});
