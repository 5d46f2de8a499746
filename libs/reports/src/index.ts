export * from './report-periods';
export * from './case-facts';
export * from './report-figures';
export * from './build-report';
export * from './report-query';
export * from './reports.service';
export * from './reports.module';
export { ReportView, ReportCellCasesView } from './report-view';
export * from './report-definitions-doc';
