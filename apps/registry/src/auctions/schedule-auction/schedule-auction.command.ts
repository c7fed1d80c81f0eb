import { Command } from '@nestjs/cqrs';
import type { RecordResultView } from '../../shared/record-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { ScheduleAuctionDto } from './schedule-auction.dto';

export class ScheduleAuction extends Command<RecordResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: ScheduleAuctionDto,
  ) {
    super();
  }
}
