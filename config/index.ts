export * from './app-config';
export * from './config-error';
export * from './load-config';
export * from './data-source-options';
export * from './config.module';
