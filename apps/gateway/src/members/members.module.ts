import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EndOfDayModule } from '../accounts/end-of-day/end-of-day.module';
import { MemberAccounts } from './member-accounts.service';
import { MembersController } from './members.controller';
import { MemberStatements } from './statements/member-statements';

/** Members, cash and units in, positions and statements out. */
@Module({
  imports: [AccountsModule, EndOfDayModule],
  controllers: [MembersController],
  providers: [MemberAccounts, MemberStatements],
})
export class MembersModule {}
