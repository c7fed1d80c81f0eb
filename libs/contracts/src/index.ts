export * from './book-events';
export * from './exchange-commands';
export * from './instrument-events';
