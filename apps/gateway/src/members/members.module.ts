import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { MemberAccounts } from './member-accounts.service';
import { MembersController } from './members.controller';

/** Members, cash and units in, positions and statements out. */
@Module({ imports: [AccountsModule], controllers: [MembersController], providers: [MemberAccounts] })
export class MembersModule {}
