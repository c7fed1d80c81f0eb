export * from './test-database';
export * from './custody-funding';
