/** The OpenAPI shapes of a report and of the cases behind one of its cells (`build-report.ts` makes them). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_SECTIONS } from './report-figures';

const DATE = { type: String, format: 'date', example: '2025-04-01' } as const;

export class ReportPeriodView {
  @ApiProperty(DATE) from: string;
  @ApiProperty({ ...DATE, example: '2026-03-31', description: 'The last day, included' }) to: string;
  @ApiPropertyOptional({ example: '2025-26', description: 'Present when the period is exactly one financial year' })
  financialYear?: string;
  @ApiProperty({ example: '2025-26 (1 April 2025 to 31 March 2026)' }) title: string;
}

export class ReportColumnView {
  @ApiProperty({ example: '2025-26-q1', description: 'A financial quarter (`<year>-q<n>`) or `whole`' }) key: string;
  @ApiProperty({ example: 'Q1' }) label: string;
  @ApiProperty({ ...DATE, description: 'The first day, clipped to the period' }) from: string;
  @ApiProperty({ ...DATE, example: '2025-06-30', description: 'The last day, clipped to the period' }) to: string;
  @ApiProperty({ type: Boolean, description: 'The whole period (the year) rather than a quarter' }) whole: boolean;
}

export class ReportCellView {
  @ApiProperty({ example: '2025-26-q1' }) column: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description: 'The number; null where it is not shown ("fewer than 5", "n/a")',
  })
  value: number | null;
  @ApiProperty({ example: '2', description: 'As the report shows it: a number, "fewer than 5" or "n/a"' })
  display: string;
  @ApiPropertyOptional({ type: Boolean, enum: [true], description: 'A count from 1 to 4 about children, not shown' })
  suppressed?: true;
  @ApiPropertyOptional({ type: Boolean, enum: [true], description: 'Nothing to measure in this column' })
  notApplicable?: true;
}

export class ReportRowView {
  @ApiProperty({ example: 'decisions.lcspr', description: 'Ask for the cases behind a cell by it' }) id: string;
  @ApiProperty({ example: 'An LCSPR' }) label: string;
  @ApiProperty({ type: [ReportCellView], description: "One per column, in the columns' order" })
  cells: ReportCellView[];
}

export class ReportFigureView {
  @ApiProperty({ example: 'decisions' }) id: string;
  @ApiProperty({ example: 'Decisions by outcome' }) label: string;
  @ApiProperty({ description: 'What is counted, in plain words' }) definition: string;
  @ApiProperty({ example: 'decisions', description: 'What one counted item is' }) unit: string;
  @ApiProperty({ type: Boolean, description: 'Counts from 1 to 4 are shown as "fewer than 5"' })
  smallNumbers: boolean;
  @ApiProperty({
    type: Boolean,
    description:
      "Whether the caller may open the cases behind its cells: false on the figures about children for a role that does not read the children's details",
  })
  casesListed: boolean;
  @ApiProperty({ type: [ReportRowView], description: 'One row, or one per value of a breakdown or statistic' })
  rows: ReportRowView[];
}

export class ReportSectionView {
  @ApiProperty({ enum: REPORT_SECTIONS.map(({ id }) => id) }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [ReportFigureView] }) figures: ReportFigureView[];
}

export class ReportView {
  @ApiProperty({ type: ReportPeriodView }) period: ReportPeriodView;
  @ApiProperty({ ...DATE, description: 'The day it was computed: a column not yet over is read as of this day' })
  asOf: string;
  @ApiProperty({ type: [ReportColumnView], description: 'The financial quarters, clipped to the period, then `whole`' })
  columns: ReportColumnView[];
  @ApiProperty({ type: [ReportSectionView] }) sections: ReportSectionView[];
}

export class ReportCaseView {
  @ApiProperty({ type: String, format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'CSPR-2025-0003' }) reference: string;
  @ApiProperty({ ...DATE, description: 'The day that puts it in the cell' }) on: string;
  @ApiPropertyOptional({ example: '12 working days', description: 'A note: a reason, a due date, an action id' })
  detail?: string;
}

export class ReportCellRowView {
  @ApiProperty({ example: 'rapid-reviews-completed' }) id: string;
  @ApiProperty({ example: 'Number of Rapid Reviews completed' }) label: string;
  @ApiProperty({ example: 'rapid-reviews-completed' }) figure: string;
  @ApiProperty({ example: 'Number of Rapid Reviews completed' }) figureLabel: string;
  @ApiProperty({ example: 'rapid reviews' }) unit: string;
}

export class ReportCellCasesView {
  @ApiProperty({ type: ReportCellRowView }) row: ReportCellRowView;
  @ApiProperty({ type: ReportColumnView }) column: ReportColumnView;
  @ApiProperty({ type: [ReportCaseView], description: 'By day, then reference' }) cases: ReportCaseView[];
}
