export * from './parse-import';
export * from './csv-import';
