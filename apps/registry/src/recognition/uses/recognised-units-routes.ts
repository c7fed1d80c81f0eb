import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LedgerEvent } from '@app/ledger';
import { RecognitionError } from '@app/recognition';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RecognitionStore } from '../recognition-store';
import { recognitionTouching } from './recognised-units';

const ROUTE = { UnitsSurrendered: 'recognised-surrenders', UnitsRetired: 'recognised-retirements' } as const;

/**
 * Keeps recognised units off the plain `/surrenders` and `/retirements`: only `/recognised-surrenders`
 * (use, offset room) and `/recognised-retirements` (the origin named) apply the recognition checks. Runs
 * in the move's transaction on the ranges it would surrender or retire (so a quantity selection that
 * picked recognised units is caught too); a refusal rolls the move back: 422
 * RECOGNITION.USE_RECOGNISED_ROUTE naming the route.
 */
@Injectable()
export class RecognisedUnitsRoutes {
  constructor(private readonly store: RecognitionStore) {}

  refuseIn(jurisdiction: RegistryJurisdiction) {
    return async (manager: EntityManager, events: readonly LedgerEvent[]): Promise<void> => {
      for (const event of events) {
        if (event.type !== 'UnitsSurrendered' && event.type !== 'UnitsRetired') continue;
        const saga = recognitionTouching(
          (await this.store.loadSagas(manager)).state,
          jurisdiction,
          event.ranges,
        );
        if (!saga) continue;
        const route = ROUTE[event.type];
        throw new RecognitionError(
          'RECOGNITION.USE_RECOGNISED_ROUTE',
          `the selection includes units recognised from ${saga.request.origin} (request ${saga.requestId}, serials ${saga.destinationRange!.start}..${saga.destinationRange!.end}): use POST /registries/${jurisdiction}/${route}`,
          { field: 'serialStart', route: `/registries/${jurisdiction}/${route}` },
        );
      }
    };
  }
}
