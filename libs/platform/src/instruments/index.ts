export * from './instrument-catalogue';
export * from './instrument-rules';
export * from './instrument-rules-decision';
export * from './trading-hours';
export * from './free-allocation-sell-limit';
