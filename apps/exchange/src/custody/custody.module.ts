import { Module } from '@nestjs/common';
import { ClearingModule } from '../clearing/clearing.module';
import { CustodyDepositConsumer } from './custody-deposit.consumer';

/** Units in the registries' exchange custody accounts ↔ members' exchange holdings. */
@Module({ imports: [ClearingModule], providers: [CustodyDepositConsumer] })
export class CustodyModule {}
