export * from './errors';
export * from './jurisdiction';
export * from './instrument';
export * from './integers';
export * from './rounding';
export * from './prng';
export * from './apportion';
export * from './versioned';
