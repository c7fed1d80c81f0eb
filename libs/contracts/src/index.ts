export * from './book-events';
export * from './exchange-commands';
