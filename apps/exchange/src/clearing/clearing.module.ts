import { Module } from '@nestjs/common';
import { ClearingStore } from './clearing-store';
import { SettlementService } from './settlement.service';

/** Clearing adapters shared by the gateway (reservations) and the book workers (settlement). */
@Module({ providers: [ClearingStore, SettlementService], exports: [ClearingStore, SettlementService] })
export class ClearingModule {}
