import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApproveMarketModeDto, MarketModeAtQueryDto, ProposeMarketModeDto } from './market-mode.dto';
import { MarketModeDecisions } from './market-mode.service';
import { MarketModeInForceView, MarketModeRecordView } from './market-mode.view';

/** The joint carbon market's mode: separate, recognition-only or linked, by both regulators' keys. */
@ApiTags('joint market')
@Controller('market-mode')
export class MarketModeController {
  constructor(private readonly decisions: MarketModeDecisions) {}

  @Get()
  @ApiOkResponse({
    type: MarketModeInForceView,
    description: 'The mode in force on a day (separate before any adopted decision)',
  })
  @ApiBadRequestResponse({ description: '`at` is not a date' })
  inForce(@Query() query: MarketModeAtQueryDto): Promise<MarketModeInForceView> {
    return this.decisions.inForce(query.at);
  }

  @Get('decisions')
  @ApiOkResponse({
    type: [MarketModeRecordView],
    description: 'Every decision: adopted ones in the order they apply, then those awaiting a key',
  })
  history(): Promise<MarketModeRecordView[]> {
    return this.decisions.history();
  }

  @Post('decisions')
  @ApiCreatedResponse({
    type: MarketModeRecordView,
    description: 'Proposed (no effect until both regulators approve it)',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed (names it)' })
  @ApiNotFoundResponse({ description: 'MARKET.UNKNOWN_REGULATOR' })
  @ApiConflictResponse({ description: 'A concurrent decision (retry)' })
  @ApiUnprocessableEntityResponse({
    description: 'MARKET.VERSION_EXISTS / INVALID_DECISION / BAD_EXCHANGE_RATIO',
  })
  propose(@Body() body: ProposeMarketModeDto): Promise<MarketModeRecordView> {
    return this.decisions.propose(body);
  }

  @Post('decisions/:version/approvals')
  @ApiCreatedResponse({
    type: MarketModeRecordView,
    description: 'One key; with the other province’s key on the same day the decision is adopted',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed (names it)' })
  @ApiNotFoundResponse({ description: 'MARKET.UNKNOWN_VERSION / UNKNOWN_REGULATOR' })
  @ApiUnprocessableEntityResponse({
    description: 'MARKET.WRONG_JURISDICTION / ALREADY_APPROVED / EFFECTIVE_DATE_MISMATCH / EFFECTIVE_IN_PAST',
  })
  approve(
    @Param('version') version: string,
    @Body() body: ApproveMarketModeDto,
  ): Promise<MarketModeRecordView> {
    return this.decisions.approve(version, body);
  }
}
