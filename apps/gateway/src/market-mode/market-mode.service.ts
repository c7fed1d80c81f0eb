import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MARKET_MODE_STREAM } from '@app/contracts';
import { DomainError } from '@app/domain';
import { EventStore } from '@app/event-store';
import { JOINT_REGULATORS } from '@app/pricing';
import { signingRegulators } from '@app/platform';
import {
  decideMarketMode,
  marketDayOf,
  marketModeHistory,
  marketModeOn,
  type MarketModeCommand,
  type MarketModeInForce,
  type MarketModeRecord,
} from '@app/recognition';
import { CLOCK, Clock } from '../clock/clock';
import { MarketModeDispatcher } from './market-mode-dispatcher';
import { toStored, MarketModeLog } from './market-mode-log';
import type { ApproveMarketModeDto, ProposeMarketModeDto } from './market-mode.dto';

/**
 * The regulators' market-mode decisions: proposed by one, approved by both (same day), recorded
 * on the `market-mode` stream in one transaction guarded by its version. A decision in force
 * today reaches the books at once; a later one when the dispatcher sees its day come.
 */
@Injectable()
export class MarketModeDecisions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly log: MarketModeLog,
    private readonly dispatcher: MarketModeDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  propose(body: ProposeMarketModeDto): Promise<MarketModeRecord> {
    return this.run(
      { type: 'ProposeMarketMode', document: body.document, regulator: body.regulator },
      body.document.version,
    );
  }

  approve(version: string, body: ApproveMarketModeDto): Promise<MarketModeRecord> {
    const today = marketDayOf(this.clock.now());
    dayOf(body.effectiveFrom, 'effectiveFrom');
    if (body.effectiveFrom < today)
      throw new DomainError('MARKET.EFFECTIVE_IN_PAST', `effectiveFrom must be ${today} or later`, {
        field: 'effectiveFrom',
      });
    return this.run({ type: 'ApproveMarketMode', version, ...body }, version);
  }

  async inForce(at?: string): Promise<MarketModeInForce & { at: string }> {
    const day = at === undefined ? marketDayOf(this.clock.now()) : dayOf(at, 'at');
    const { state } = await this.log.read();
    return { at: day, ...marketModeOn(state, day) };
  }

  async history(): Promise<MarketModeRecord[]> {
    return marketModeHistory((await this.log.read()).state);
  }

  private async run(command: MarketModeCommand, version: string): Promise<MarketModeRecord> {
    await this.dataSource.transaction(async (manager) => {
      const { state, version: streamVersion } = await this.log.read(manager);
      const events = decideMarketMode(state, command, signingRegulators(JOINT_REGULATORS));
      await this.store.append(
        MARKET_MODE_STREAM,
        streamVersion,
        events.map((e) => ({ ...toStored(e), metadata: { actor: command.regulator } })),
        { manager },
      );
    });
    const { state } = await this.log.read();
    await this.dispatcher.dispatchDue();
    return marketModeHistory(state).find((r) => r.version === version) as MarketModeRecord;
  }
}

/** A date text as a market day: a valid YYYY-MM-DD as it is, an ISO date-time by its Beijing date. */
function dayOf(text: string, field: string): string {
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00+08:00` : text);
  if (Number.isNaN(ms) || (text.length === 10 && marketDayOf(ms) !== text))
    throw new DomainError('MARKET.BAD_DATE', `${field} must be a valid YYYY-MM-DD or ISO date-time`, {
      field,
    });
  return marketDayOf(ms);
}
