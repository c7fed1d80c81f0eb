/**
 * @app/agents — abatement-cost models and trading agents for the simulator (pure: no I/O, no
 * clock, randomness only from a passed-in seeded PRNG).
 */
export * from './mac';
export * from './equilibrium';
export * from './trader';
export * from './decide';
export * from './speculators';
