export * from './clearing-events';
export * from './clearing-state';
export * from './clearing-deltas';
export * from './clearing-decisions';
export * from './clearing-ledger';
export * from './fees';
export * from './closing-price';
export * from './daily-statement';
