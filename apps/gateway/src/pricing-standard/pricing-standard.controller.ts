import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PricingStandardCommands } from './pricing-standard-commands';
import { withPricingStatus } from './pricing-standard-http-errors';
import { PricingStandardLog } from './pricing-standard-log';
import type { PricingStandardVersionView } from './pricing-standard-views';
import { ApproveStandardDto, AtDateDto, ProposeStandardDto } from './pricing-standard.dto';
import { BenchmarkQueryDto, Co2eQueryDto, PriceIndexQueryDto } from './standard-applications.dto';
import { StandardApplications } from './standard-applications';

/**
 * The joint pricing standard of Sichuan and Chongqing: versions proposed by either regulator,
 * in force only once both approved the same version from the same date (two-key approval), and
 * what the exchange computes by it. Paths are stable: the console reads them.
 */
@ApiTags('pricing standard')
@Controller('pricing-standards')
export class PricingStandardController {
  constructor(
    private readonly commands: PricingStandardCommands,
    private readonly log: PricingStandardLog,
    private readonly applications: StandardApplications,
  ) {}

  @Post()
  @ApiOperation({ summary: 'A regulator of CQ or SC proposes a version (proposing is not approving)' })
  @ApiCreatedResponse({ description: 'The version, status `proposed`, awaiting both provinces' })
  @ApiBadRequestResponse({ description: 'PRICING.INVALID_STANDARD naming the first field (all in `issues`)' })
  @ApiForbiddenResponse({ description: 'PRICING.UNKNOWN_REGULATOR' })
  @ApiConflictResponse({ description: 'PRICING.VERSION_EXISTS, PRICING.COMMAND_CONFLICT' })
  propose(@Body() body: ProposeStandardDto): Promise<PricingStandardVersionView> {
    return withPricingStatus(() => this.commands.propose(body));
  }

  @Get()
  @ApiOperation({ summary: 'Every version with its status and approvals' })
  @ApiOkResponse({ description: '`inForce` marks the version in force on `at` (default today)' })
  async list(@Query() query: AtDateDto): Promise<PricingStandardVersionView[]> {
    await this.log.refresh();
    return Object.keys(this.log.current().versions)
      .sort()
      .map((version) => this.commands.view(version, query.at, false));
  }

  @Get('in-force')
  @ApiOperation({ summary: 'The standard in force on a day: latest adopted version effective by then' })
  @ApiOkResponse({ description: '{ version, effectiveFrom, document }' })
  @ApiNotFoundResponse({ description: 'PRICING.NO_STANDARD_IN_FORCE' })
  inForce(@Query() query: AtDateDto) {
    return withPricingStatus(() => this.applications.inForce(query.at));
  }

  @Get('benchmark-prices')
  @ApiOperation({
    summary:
      'Guide price for a paid initial allocation: P = C × (1 + r ÷ 10,000) × s, s = min(cap, max(1, D ÷ S))',
  })
  @ApiOkResponse({
    description: 'The price in fen per unit·year, with every input shown, and the charge for a quantity',
  })
  @ApiNotFoundResponse({ description: 'PRICING.NO_STANDARD_IN_FORCE, PRICING.UNKNOWN_BENCHMARK' })
  benchmark(@Query() query: BenchmarkQueryDto) {
    return withPricingStatus(() => this.applications.benchmark(query));
  }

  @Get('co2e')
  @ApiOperation({ summary: 'Energy-use (tce) or electricity-use (MWh) rights on a CO2-equivalent basis' })
  @ApiOkResponse({ description: 'tCO2e with the factor, its source and the rounding' })
  @ApiNotFoundResponse({ description: 'PRICING.NO_STANDARD_IN_FORCE' })
  co2e(@Query() query: Co2eQueryDto) {
    return withPricingStatus(() => this.applications.co2e(query));
  }

  @Get('price-index')
  @ApiOperation({ summary: 'Regional environmental-rights price index from the exchange’s closing prices' })
  @ApiOkResponse({
    description: 'Chain-linked value-weighted levels in hundredths of a point per trading day',
  })
  @ApiNotFoundResponse({ description: 'PRICING.NO_STANDARD_IN_FORCE' })
  priceIndex(@Query() query: PriceIndexQueryDto) {
    return withPricingStatus(() => this.applications.priceIndex(query));
  }

  @Get(':version')
  @ApiOperation({ summary: 'One version with its document, status and approvals' })
  @ApiNotFoundResponse({ description: 'PRICING.UNKNOWN_VERSION' })
  get(@Param('version') version: string, @Query() query: AtDateDto): Promise<PricingStandardVersionView> {
    return withPricingStatus(async () => {
      await this.log.refresh();
      return this.commands.view(version, query.at);
    });
  }

  @Post(':version/approvals')
  @ApiOperation({
    summary:
      "One province's key: the version is adopted with the second province's approval of the same date",
  })
  @ApiCreatedResponse({ description: 'The version: `approved-by-one`, or `adopted` with its effectiveFrom' })
  @ApiBadRequestResponse({ description: 'A malformed field (province, effectiveFrom, commandId)' })
  @ApiForbiddenResponse({ description: 'PRICING.UNKNOWN_REGULATOR, PRICING.WRONG_JURISDICTION' })
  @ApiNotFoundResponse({ description: 'PRICING.UNKNOWN_VERSION' })
  @ApiConflictResponse({
    description: 'PRICING.ALREADY_APPROVED (same province twice), EFFECTIVE_DATE_MISMATCH, COMMAND_CONFLICT',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'PRICING.EFFECTIVE_IN_PAST; PRICING.INCOMPATIBLE_WITH_CATALOGUE (a class tick off an instrument’s reference)',
  })
  approve(
    @Param('version') version: string,
    @Body() body: ApproveStandardDto,
  ): Promise<PricingStandardVersionView> {
    return withPricingStatus(() => this.commands.approve(version, body));
  }
}
