import { Module } from '@nestjs/common';
import { CustodyModule } from '../../../exchange/src/custody/custody.module';
import { AccountsModule } from '../accounts/accounts.module';
import { EndOfDayModule } from '../accounts/end-of-day/end-of-day.module';
import { MemberAccounts } from './member-accounts.service';
import { MembersController } from './members.controller';
import { MemberStatements } from './statements/member-statements';
import { UnitCustody } from './unit-custody.service';

/** Members, cash and units in, positions and statements out. */
@Module({
  imports: [AccountsModule, EndOfDayModule, CustodyModule],
  controllers: [MembersController],
  providers: [MemberAccounts, MemberStatements, UnitCustody],
})
export class MembersModule {}
