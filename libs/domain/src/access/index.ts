export * from './principal';
export * from './actions';
export * from './authorize';
