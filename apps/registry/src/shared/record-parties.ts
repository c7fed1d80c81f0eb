import type { Provider } from '@nestjs/common';
import { type Parties, RECORD_PARTIES, type RecordKind, type RecordParties } from '@app/platform';
import { RecognitionStore } from '../recognition/recognition-store';
import { findSerialHistory } from '../serials/get-serial-history/find-serial-history';
import { REGISTRY_JURISDICTIONS } from './registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from './registry-streams';
import { ownValue } from './own-value';
import { serialNumberOf } from './serial-text';

/** The accounts a serial's history names: where it is now, and every move's sides. */
const accountsOfHistory = (history: {
  accountId: string;
  events: readonly { from?: string; to?: string; accountId?: string }[];
}): string[] => [
  ...new Set(
    [history.accountId, ...history.events.flatMap((e) => [e.from, e.to, e.accountId])].filter(
      (a): a is string => typeof a === 'string',
    ),
  ),
];

/** Who a registry record concerns, for the access guard (docs/security.md: reads of a holder's records). */
export function recordPartiesOf(registry: RegistryPort, recognition: RecognitionStore): RecordParties {
  const transferParties = async (id: string): Promise<Parties | undefined> => {
    for (const jurisdiction of REGISTRY_JURISDICTIONS) {
      const loaded = await registry.load(jurisdiction);
      const transfer = ownValue(loaded.records.crossProvince.outgoing, id);
      if (transfer) {
        const { from, to, sellerAccountId, buyerAccountId } = transfer.request;
        return { origin: from, destination: to, owners: [sellerAccountId, buyerAccountId] };
      }
    }
    return undefined;
  };
  return {
    async partiesOf(kind: RecordKind, id: string): Promise<Parties | undefined> {
      if (kind === 'cross-province-transfer') return transferParties(id);
      if (kind === 'recognition-request') {
        const saga = ownValue((await recognition.loadSagas()).state.sagas, id);
        return saga
          ? {
              origin: saga.request.origin,
              destination: saga.request.destination,
              owners: [saga.request.holderId],
            }
          : undefined;
      }
      const number = (() => {
        try {
          return serialNumberOf(id);
        } catch {
          return undefined;
        }
      })();
      if (number === undefined) return undefined;
      const found = await findSerialHistory(registry, id, number);
      if (!found) return undefined;
      // A unit moved by a cross-province transfer: its serial on either side is also the transfer's
      // parties' (the buyer follows what it bought back to its origin) and both provinces'.
      const transfer = found.crossProvince && (await transferParties(found.crossProvince.transferId));
      return {
        origin: found.registry,
        ...(transfer
          ? { destination: found.registry === transfer.origin ? transfer.destination : transfer.origin }
          : {}),
        owners: [...new Set([...accountsOfHistory(found), ...(transfer?.owners ?? [])])],
      };
    },
  };
}

export const recordPartiesProvider: Provider<RecordParties> = {
  provide: RECORD_PARTIES,
  inject: [REGISTRY_PORT, RecognitionStore],
  useFactory: recordPartiesOf,
};
