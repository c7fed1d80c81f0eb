import { Inject, Injectable } from '@nestjs/common';
import { convertAllowances, DomainError } from '@app/domain';
import { EventStore } from '@app/event-store';
import { marketDayOf, marketModeOn } from '@app/recognition';
import { CLOCK, Clock } from '../../../../gateway/src/clock/clock';
import { MarketModeLog } from '../../../../gateway/src/market-mode/market-mode-log';
import { commandResult } from '../../shared/command-result';
import { movedRanges, type MoveView } from '../../shared/move.view';
import type { LinkedSurrenderCounted } from '../../shared/registry-records';
import { registryStreamId } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { SurrenderUnits } from './surrender-units.command';
import { planSurrenderUnits } from './plan-surrender-units';

export interface LinkedSurrenderView extends MoveView {
  /** Where the surrender counts, and for how many of that province's allowances. */
  countedIn: string;
  counted: number;
  marketModeVersion: string;
}

/**
 * A surrender in province A of province B's allowances, as linked markets allow (WCI: one
 * tracking system, either jurisdiction's allowances meet either obligation). The units leave
 * circulation in B's registry (its SURRENDER account) and A's stream records what they count for,
 * at the exchange ratio, in the same transaction. Refused with MARKET.NOT_LINKED unless both
 * regulators' linking decision is in force today; nothing moves then.
 */
@Injectable()
export class LinkedSurrender {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    private readonly store: EventStore,
    private readonly modes: MarketModeLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SurrenderUnits): Promise<LinkedSurrenderView> {
    const { jurisdiction: countedIn, body } = command;
    const issuedBy = body.issuedBy as 'CQ' | 'SC';
    if (body.kind !== 'CARBON_ALLOWANCE' || body.quantity === undefined || body.serialStart !== undefined)
      throw new DomainError('MARKET.ALLOWANCES_ONLY', 'issuedBy takes a quantity of CARBON_ALLOWANCE', {
        field: 'kind',
      });
    if (body.vintage === undefined)
      throw new DomainError('MARKET.VINTAGE_REQUIRED', 'vintage is required with issuedBy', {
        field: 'vintage',
      });
    const day = marketDayOf(this.clock.now());
    const inForce = marketModeOn((await this.modes.read()).state, day);
    if (inForce.mode !== 'linked')
      throw new DomainError(
        'MARKET.NOT_LINKED',
        `${issuedBy} allowances count in ${countedIn} only while the markets are linked; on ${day} they are ${inForce.mode}`,
        { field: 'issuedBy', mode: inForce.mode },
      );
    const counted = convertAllowances(issuedBy, countedIn, body.quantity, inForce.exchangeRatio);
    const record: LinkedSurrenderCounted = {
      type: 'LinkedSurrenderCounted',
      commandId: `linked-surrender:${issuedBy}:${body.commandId}`,
      accountId: body.from,
      complianceYear: body.complianceYear,
      issuedBy,
      vintage: body.vintage,
      surrendered: body.quantity,
      counted,
      exchangeRatio: inForce.exchangeRatio,
      marketModeVersion: inForce.version as string,
    };
    const outcome = await this.registry.execute(
      {
        jurisdiction: issuedBy,
        commandId: body.commandId,
        actor: body.actor,
        memo: `surrender counted in ${countedIn}`,
        // Any expected version: the record depends on no state of the counting registry; a
        // command deciding there concurrently fails its own version check and decides again.
        inTransaction: (manager) =>
          this.store
            .append(
              registryStreamId(countedIn),
              'any',
              [
                {
                  type: record.type,
                  data: record,
                  metadata: { commandId: body.commandId, actor: body.actor },
                },
              ],
              { manager },
            )
            .then(() => undefined),
      },
      () => planSurrenderUnits(new SurrenderUnits(issuedBy, { ...body, to: undefined })),
    );
    return {
      ...commandResult(body.commandId, issuedBy, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
      countedIn,
      counted,
      marketModeVersion: record.marketModeVersion,
    };
  }
}
