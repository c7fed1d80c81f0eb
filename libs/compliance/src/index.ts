export * from './errors';
export * from './offsets';
export * from './penalty';
export * from './status';
export * from './presets';
