import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { MemberAccounts } from './member-accounts.service';
import { memberIdParam } from './member-id';
import {
  CashMovementDto,
  PositionsView,
  RegisterMemberDto,
  UnitDepositDto,
  UnitWithdrawalDto,
} from './members.dto';
import { UnitCustody } from './unit-custody.service';
import { MemberStatements } from './statements/member-statements';
import { StatementQueryDto, StatementView } from './statements/statement.view';

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(
    private readonly accounts: MemberAccounts,
    private readonly statements: MemberStatements,
    private readonly custody: UnitCustody,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: PositionsView, description: 'The member, with an empty cash account' })
  @ApiConflictResponse({ description: 'CLEARING.DUPLICATE_MEMBER' })
  register(@Body() dto: RegisterMemberDto): Promise<PositionsView> {
    return this.accounts.register(dto);
  }

  @Post(':memberId/cash-deposits')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PositionsView, description: 'Positions after the deposit' })
  @ApiNotFoundResponse({ description: 'CLEARING.MEMBER_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'CLEARING.REFERENCE_CONFLICT: the reference was used for another amount',
  })
  deposit(@Param('memberId') id: string, @Body() dto: CashMovementDto): Promise<PositionsView> {
    return this.accounts.deposit(memberIdParam(id), dto);
  }

  @Post(':memberId/cash-withdrawals')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PositionsView, description: 'Positions after the withdrawal' })
  @ApiUnprocessableEntityResponse({ description: 'CLEARING.INSUFFICIENT_CASH (field amount)' })
  withdraw(@Param('memberId') id: string, @Body() dto: CashMovementDto): Promise<PositionsView> {
    return this.accounts.withdraw(memberIdParam(id), dto);
  }

  @Post(':memberId/unit-deposits')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: PositionsView,
    description:
      'Credit by an outside reference, moving nothing in the registries: for instruments whose registry this system does not keep (CCER: the national registry). Units of CQ/SC instruments enter only through POST /registries/{j}/custody-deposits',
  })
  @ApiUnprocessableEntityResponse({
    description: 'CUSTODY.DEPOSIT_THROUGH_REGISTRY (field instrument): a CQ/SC instrument, kept in custody',
  })
  depositUnits(@Param('memberId') id: string, @Body() dto: UnitDepositDto): Promise<PositionsView> {
    return this.accounts.depositUnits(memberIdParam(id), dto);
  }

  @Post(':memberId/unit-withdrawals')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: PositionsView,
    description: 'Available units debited; the registry moves them from {j}-EXCHANGE back to the member',
  })
  @ApiUnprocessableEntityResponse({
    description: 'CLEARING.INSUFFICIENT_UNITS (field qty), CUSTODY.* (field instrument)',
  })
  @ApiConflictResponse({
    description: 'CLEARING.REFERENCE_CONFLICT: the reference was used for another withdrawal',
  })
  withdrawUnits(@Param('memberId') id: string, @Body() dto: UnitWithdrawalDto): Promise<PositionsView> {
    return this.custody.withdraw(memberIdParam(id), dto);
  }

  @Get(':memberId/positions')
  @ApiOkResponse({ type: PositionsView, description: 'Cash (fen) and holdings, available and reserved' })
  @ApiNotFoundResponse({ description: 'CLEARING.MEMBER_NOT_FOUND' })
  positions(@Param('memberId') id: string): Promise<PositionsView> {
    return this.accounts.positions(memberIdParam(id));
  }

  @Get(':memberId/statements')
  @ApiOkResponse({
    type: StatementView,
    description: 'The day’s statement: opening balances, deposits, trades with fees, closing balances',
  })
  @ApiNotFoundResponse({ description: 'CLEARING.MEMBER_NOT_FOUND' })
  statement(@Param('memberId') id: string, @Query() query: StatementQueryDto): Promise<StatementView> {
    return this.statements.statement(memberIdParam(id), query.date);
  }
}
