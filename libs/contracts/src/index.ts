export * from './book-events';
export * from './book-sessions';
export * from './book-rules';
export * from './command-actor';
export * from './exchange-commands';
export * from './instrument-events';
export * from './market-mode';
