/**
 * `docs/reports.md`: the definitions of every figure, written from {@link REPORT_FIGURES} so the document cannot drift
 * from what is counted (`npm run docs:reports` rewrites it; a unit test fails when the committed file differs).
 */
import { FEWER_THAN_5, NOT_APPLICABLE, SMALLEST_SHOWN } from './build-report';
import { REPORT_FIGURES, REPORT_SECTIONS, type ReportFigure } from './report-figures';

export const REPORT_DEFINITIONS_PATH = 'docs/reports.md';

const INTRODUCTION = `# Practice review figures: what each one counts

This file is generated from \`libs/reports/src/report-figures.ts\` by \`npm run docs:reports\`; edit the figures there.

The figures for the partnership's annual report and the quarterly scorecard are computed each time they are asked
for, from the case records: the stored deadlines, the cases' histories and the facts the cases hold. Nobody types a
figure in.

- **The period.** A financial year (1 April to 31 March, the default being the current one) or any two days, both
  included. The columns are the financial quarters (Q1 April to June, Q2 July to September, Q3 October to December,
  Q4 January to March) that the period touches, each clipped to the period, then the whole period ("Year" for a
  financial year).
- **The day an act counts on** is the day it happened, not the day it was recorded: the event's own date (\`submittedOn\`,
  \`respondedOn\` ...), else the day it was said to have happened (\`occurredOn\`), else the London day it was
  recorded. Imported cases count on the dates of their imported history.
- **State at the end of a column** (actions overdue) is read on the column's last day, or today for a column not yet
  over.
- **"${NOT_APPLICABLE}"**: a figure measured over other items (the rapid reviews completed on time, the working days
  they took) reads "${NOT_APPLICABLE}" in a column where there is nothing to measure.
- **The small-number rule.** Figures about children and their circumstances show a count from 1 to ${SMALLEST_SHOWN - 1} as
  "${FEWER_THAN_5}" on the page, in the downloads and in the API, the usual rule for publishing small numbers about
  children. 0 is shown.
- **The cases behind a figure.** Every cell opens to the list of the cases it counts (references only, with the day
  that put each in the cell), for the subgroup to check. The list is for the partnership's own checking: it is not
  itself published, so it shows the cases behind a "${FEWER_THAN_5}" cell too. The lists behind the figures about
  children (which case has a child of which age, sex, ethnicity or disability) are only for the roles that read the
  children's details on a case: not for lead partners.
- **Who reads them**: the business unit, subgroup members, delegated and lead partners and scrutineers. Page:
  \`/reports\`; API: \`GET /reports/practice-reviews\` (JSON), \`.csv\`, \`.xlsx\`, and
  \`GET /reports/practice-reviews/cases\` (the cases behind one cell); see the [HTTP contract](api-contract.md#reports).
`;

function figureMarkdown(figure: ReportFigure): string {
  const rows = figure.statistics ?? figure.rows;
  const lines = [
    `### ${figure.label}`,
    '',
    `Row id \`${figure.id}\`${rows ? ' (one row per value: `' + figure.id + '.<value>`)' : ''}; counts ${figure.unit}` +
      `${figure.distinctCases ? ', each case once per column' : ''}${figure.smallNumbers ? '; small-number rule' : ''}.`,
    '',
    figure.definition,
  ];
  if (rows) {
    lines.push('', '| Row id | Row |', '|---|---|');
    for (const { key, label } of rows) lines.push(`| \`${figure.id}.${key}\` | ${label} |`);
  }
  return lines.join('\n');
}

export function reportDefinitionsMarkdown(): string {
  const sections = REPORT_SECTIONS.map(({ id, title }) =>
    [`## ${title}`, ...REPORT_FIGURES.filter((figure) => figure.section === id).map(figureMarkdown)].join('\n\n'),
  );
  return `${[INTRODUCTION.trimEnd(), ...sections].join('\n\n')}\n`;
}
