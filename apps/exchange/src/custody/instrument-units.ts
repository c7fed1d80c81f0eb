import { DomainError, type InstrumentKind } from '@app/domain';

/** What an exchange instrument is in a registry: the units of one kind (and vintage) of one province. */
export interface RegistryUnits {
  readonly jurisdiction: 'CQ' | 'SC';
  readonly kind: InstrumentKind;
  /** Absent: the instrument is not by vintage (credits, sinks, other rights): any vintage of the kind. */
  readonly vintage?: number;
}

interface InstrumentFields {
  readonly symbol: string;
  readonly jurisdiction: string;
  readonly kind: InstrumentKind;
  readonly vintage?: number;
}

/** Registries kept by this system; a national instrument (CCER) has its registry outside it. */
const CUSTODY_JURISDICTIONS = ['CQ', 'SC'] as const;

export function hasCustodyRegistry(instrument: InstrumentFields): boolean {
  return (CUSTODY_JURISDICTIONS as readonly string[]).includes(instrument.jurisdiction);
}

/** symbol → registry units: the instrument's jurisdiction, kind and (if it has one) vintage. */
export function registryUnitsOf(instrument: InstrumentFields): RegistryUnits {
  if (!hasCustodyRegistry(instrument))
    throw new DomainError(
      'CUSTODY.NO_REGISTRY',
      `${instrument.symbol} is held in the ${instrument.jurisdiction} registry, which this system does not keep`,
      { field: 'instrument' },
    );
  return {
    jurisdiction: instrument.jurisdiction as RegistryUnits['jurisdiction'],
    kind: instrument.kind,
    ...(instrument.vintage !== undefined ? { vintage: instrument.vintage } : {}),
  };
}

/** The exchange's custody account in a registry: every unit members hold on the exchange sits there. */
export const custodyAccountId = (jurisdiction: RegistryUnits['jurisdiction']): string =>
  `${jurisdiction}-EXCHANGE`;

/** Queue of the exchange's custody consumer (deposits the registry made into custody). */
export const EXCHANGE_CUSTODY_QUEUE = 'exchange-custody';
/** Queue of the registry's custody consumer (withdrawals the exchange debited). */
export const REGISTRY_CUSTODY_QUEUE = 'registry-custody';

/** Registry → exchange: units moved from the member's holding account into custody. */
export interface CustodyDepositedMessage {
  readonly jurisdiction: RegistryUnits['jurisdiction'];
  readonly registryCommandId: string;
  readonly member: string;
  readonly instrument: string;
  readonly qty: number;
}

/** Exchange → registry: units debited on the exchange, to move from custody to the member's account. */
export interface CustodyWithdrawalMessage {
  readonly member: string;
  readonly instrument: string;
  readonly qty: number;
  readonly reference: string;
  readonly units: RegistryUnits;
}

/**
 * Registry → exchange: the registry refused a withdrawal (e.g. custody lacks the units); the
 * exchange credits them back to the member. Sent on {@link EXCHANGE_CUSTODY_QUEUE}.
 */
export interface CustodyWithdrawalRefusedMessage {
  readonly member: string;
  readonly instrument: string;
  readonly qty: number;
  readonly reference: string;
  readonly reason: string;
}
export const CUSTODY_WITHDRAWAL_REFUSED = 'CustodyWithdrawalRefused';
export const custodyWithdrawalRefusedMessageId = (member: string, reference: string): string =>
  `custody-withdrawal-refused:${member}:${reference}`;

export const custodyDepositMessageId = (jurisdiction: string, registryCommandId: string): string =>
  `custody-deposit:${jurisdiction}:${registryCommandId}`;
export const custodyWithdrawalCommandId = (member: string, reference: string): string =>
  `custody-withdrawal:${member}:${reference}`;
