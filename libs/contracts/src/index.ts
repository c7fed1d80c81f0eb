export * from './book-events';
export * from './book-sessions';
export * from './exchange-commands';
export * from './instrument-events';
