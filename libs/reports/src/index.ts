export * from './report-periods';
export * from './case-facts';
export * from './report-figures';
export * from './build-report';
export * from './report-table';
export * from './report-csv';
export * from './report-workbook';
