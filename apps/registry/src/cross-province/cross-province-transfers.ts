import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { commandPrincipal } from '@app/contracts';
import { EventStore, WrongExpectedVersionError } from '@app/event-store';
import { JOINT_REGULATORS } from '@app/pricing';
import { signingRegulators } from '@app/platform';
import { CLOCK, type Clock } from '../../../gateway/src/clock/clock';
import { REGISTRY_JURISDICTIONS, type RegistryJurisdiction } from '../shared/registry-jurisdiction';
import type { LoadedRegistry } from '../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../shared/registry-streams';
import type { TransferSide } from './cross-province-records';
import { CROSS_PROVINCE_ERRORS as E, crossProvinceError } from './cross-province-errors';
import type { DecideTransferDto } from './decide-transfer/decide-transfer.dto';
import { planDecideTransfer } from './decide-transfer/plan-decide-transfer';
import { planRequestTransfer } from './request-transfer/plan-request-transfer';
import type { RequestTransferDto } from './request-transfer/request-transfer.dto';
import { isOverdue, planArrival, planCompletion, planExpiry } from './sweep-transfers/plan-settlement';
import { arrivalCommandId, completionCommandId, expiryCommandId, SYSTEM_ACTOR } from './transfer-ids';
import { transferView, type TransferView } from './get-transfer/transfer.view';
import { listedTransfer, type TransferFilter, type TransferScope } from './list-transfers/transfer-filter';
import { ownValue } from '../shared/own-value';
import { principalActingAs } from '../shared/request-principal';

/**
 * Cross-province transfers of pollutant, water and electricity-use rights. The transfer lives in the
 * seller's registry stream (request + lock, decisions, departure, completion); the buyer's stream
 * gets the arrival (issuance carrying the origin serials). Every step has a fixed command id, so any
 * step can be run again — by a retried request, or by the sweep after a crash between the departure
 * and the arrival — without doing anything twice.
 */
@Injectable()
export class CrossProvinceTransfers {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    @Inject(CLOCK) private readonly clock: Clock,
    /** Reserves transfer ids across both registries; absent in database-free specs. */
    @Optional() private readonly store?: EventStore,
  ) {}

  async request(body: RequestTransferDto): Promise<TransferView & { replayed: boolean }> {
    const now = this.clock.now();
    // The buyer's registry is read before the seller's append: accounts are never closed, so a
    // buyer seen here still exists when the units arrive.
    const destination = await this.registry.load(body.to);
    // Recorded with the request: the departure, on the second approval, is checked against it.
    const requestedBy = commandPrincipal(principalActingAs(body.actor));
    const outcome = await this.registry.execute(
      {
        jurisdiction: body.from,
        commandId: body.commandId,
        actor: body.actor,
        inTransaction: (manager) => this.reserveTransferId(manager, body),
      },
      (origin) => planRequestTransfer(origin, destination, body, now, requestedBy),
    );
    return { ...(await this.view(body.transferId)), replayed: outcome.replayed };
  }

  async decide(
    transferId: string,
    side: TransferSide,
    body: DecideTransferDto,
  ): Promise<TransferView & { replayed: boolean }> {
    const now = this.clock.now();
    // The side's regulator, signed in; an administrator or another regulator is refused here too.
    const regulators = signingRegulators(JOINT_REGULATORS);
    const origin = await this.originOf(transferId);
    const outcome = await this.registry.execute(
      {
        jurisdiction: origin.jurisdiction,
        commandId: body.commandId,
        actor: body.actor,
        memo: `${side} decision on cross-province transfer ${transferId} by ${body.regulator}`,
      },
      (r) => planDecideTransfer(r, transferId, side, body, now, regulators),
    );
    await this.settle(transferId);
    return { ...(await this.view(transferId)), replayed: outcome.replayed };
  }

  /** Expire overdue requests and finish departed transfers (after a crash) in both registries. */
  async sweep(actor: string): Promise<{ expired: string[]; completed: string[] }> {
    const now = this.clock.now();
    const expired: string[] = [];
    const completed: string[] = [];
    for (const j of REGISTRY_JURISDICTIONS) {
      const loaded = await this.registry.load(j);
      for (const t of Object.values(loaded.records.crossProvince.outgoing)) {
        if (isOverdue(t, now)) {
          await this.expire(j, t.request.transferId, now, actor);
          expired.push(t.request.transferId);
        } else if (t.status === 'departed') {
          await this.settle(t.request.transferId, actor);
          completed.push(t.request.transferId);
        }
      }
    }
    return { expired, completed };
  }

  async view(transferId: string): Promise<TransferView> {
    const origin = await this.originOf(transferId);
    const destination = await this.registry.load(
      ownValue(origin.records.crossProvince.outgoing, transferId)?.request.to as RegistryJurisdiction,
    );
    return transferView(origin, destination, transferId);
  }

  /** The transfers of both registries under the filter and the scope, oldest request first. */
  async list(filter: TransferFilter, scope: TransferScope = {}): Promise<TransferView[]> {
    const loaded = new Map(
      await Promise.all(REGISTRY_JURISDICTIONS.map(async (j) => [j, await this.registry.load(j)] as const)),
    );
    const views: TransferView[] = [];
    for (const origin of loaded.values())
      for (const t of Object.values(origin.records.crossProvince.outgoing))
        if (listedTransfer(t, filter, scope))
          views.push(transferView(origin, loaded.get(t.request.to)!, t.request.transferId));
    // Transfer ids are unique across both registries: the tie-break never meets equal ids.
    return views.sort(
      (a, b) =>
        a.request.requestedAt.localeCompare(b.request.requestedAt) || (a.transferId < b.transferId ? -1 : 1),
    );
  }

  /** Arrival in the buyer's registry, then completion in the seller's; both no-ops when done. */
  private async settle(transferId: string, actor = SYSTEM_ACTOR): Promise<void> {
    const origin = await this.originOf(transferId);
    const transfer = ownValue(origin.records.crossProvince.outgoing, transferId);
    if (transfer?.status !== 'departed') return;
    const arrived = await this.registry.execute(
      {
        jurisdiction: transfer.request.to,
        commandId: arrivalCommandId(transferId),
        actor,
        memo: `origin ${(transfer.departed ?? []).map((r) => `${r.first}..${r.last}`).join(', ')} (cross-province transfer ${transferId})`,
      },
      (destination) => planArrival(destination, transfer),
    );
    await this.registry.execute(
      { jurisdiction: origin.jurisdiction, commandId: completionCommandId(transferId), actor },
      (r) => planCompletion(r, arrived.registry, transferId),
    );
  }

  private async expire(
    jurisdiction: RegistryJurisdiction,
    transferId: string,
    now: number,
    actor = SYSTEM_ACTOR,
  ): Promise<void> {
    await this.registry.execute({ jurisdiction, commandId: expiryCommandId(transferId), actor }, (r) => {
      const transfer = ownValue(r.records.crossProvince.outgoing, transferId);
      return transfer ? planExpiry(r, transfer, now) : {};
    });
  }

  /**
   * The plan checks both registries for the id, but two requests with one id from the two provinces
   * append to different streams; a one-event stream per id, written in the request's transaction,
   * lets only the first commit.
   */
  private async reserveTransferId(manager: EntityManager, body: RequestTransferDto): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.append(
        `cross-province-transfer-${body.transferId}`,
        'no-stream',
        [
          {
            type: 'CrossProvinceTransferIdReserved',
            data: { transferId: body.transferId, from: body.from, to: body.to },
            metadata: { commandId: body.commandId, actor: body.actor },
          },
        ],
        { manager },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      throw crossProvinceError(E.DUPLICATE_TRANSFER, `transfer ${body.transferId} exists`, 'transferId');
    }
  }

  /** The registry whose stream holds the transfer (the seller's). */
  private async originOf(
    transferId: string,
  ): Promise<LoadedRegistry & { jurisdiction: RegistryJurisdiction }> {
    for (const jurisdiction of REGISTRY_JURISDICTIONS) {
      const loaded = await this.registry.load(jurisdiction);
      if (ownValue(loaded.records.crossProvince.outgoing, transferId)) return { ...loaded, jurisdiction };
    }
    throw crossProvinceError(E.UNKNOWN_TRANSFER, `no cross-province transfer ${transferId}`, 'transferId');
  }
}
