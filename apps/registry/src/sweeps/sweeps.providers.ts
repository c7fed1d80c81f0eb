import type { Provider } from '@nestjs/common';
import { ScheduledSweeps } from './scheduled-sweeps';
import { PgSweepLock, SWEEP_LOCK } from './sweep-lock';

/** The periodic sweeps of the registry (cross-province transfers, recognition timeouts). */
export const SWEEP_PROVIDERS: Provider[] = [
  PgSweepLock,
  { provide: SWEEP_LOCK, useExisting: PgSweepLock },
  ScheduledSweeps,
];
