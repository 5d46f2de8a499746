export * from './report-periods';
export * from './case-facts';
export * from './report-figures';
export * from './build-report';
