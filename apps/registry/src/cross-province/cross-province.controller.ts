import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../shared/command-envelope.dto';
import { CrossProvinceTransfers } from './cross-province-transfers';
import { DecideTransferDto } from './decide-transfer/decide-transfer.dto';
import { RequestTransferDto } from './request-transfer/request-transfer.dto';
import type { TransferView } from './get-transfer/transfer.view';
import type { AuthenticatedRequest } from '@app/platform';
import { parseListQuery } from '../shared/list-query';
import { REGISTRY_JURISDICTIONS } from '../shared/registry-jurisdiction';
import { CROSS_PROVINCE_ERRORS as E, crossProvinceError } from './cross-province-errors';
import { TRANSFER_FILTERS } from './list-transfers/transfer-filter';

type CommandAnswer = TransferView & { replayed: boolean };

@ApiTags('registry cross-province transfers')
@Controller('cross-province-transfers')
export class CrossProvinceTransfersController {
  constructor(private readonly transfers: CrossProvinceTransfers) {}

  @Post()
  @ApiCreatedResponse({
    description: "Requested: the seller's units are locked until both regulators decide",
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed' })
  @ApiNotFoundResponse({ description: 'Unknown seller or buyer account (CROSS_PROVINCE.UNKNOWN_*)' })
  @ApiConflictResponse({ description: 'transferId or commandId already used' })
  @ApiUnprocessableEntityResponse({ description: 'Same province, a kind not on this path, rights not held' })
  request(@Body() body: RequestTransferDto): Promise<CommandAnswer> {
    return this.transfers.request(body);
  }

  @Post(':transferId/outflow-decision')
  @ApiCreatedResponse({ description: "The seller's regulator approved or rejected the outflow" })
  @ApiForbiddenResponse({ description: 'Not the seller’s regulator (CROSS_PROVINCE.FORBIDDEN)' })
  @ApiConflictResponse({ description: 'Already decided, or no longer pending (rejected, expired, departed)' })
  outflow(@Param('transferId') transferId: string, @Body() body: DecideTransferDto): Promise<CommandAnswer> {
    return this.transfers.decide(transferId, 'outflow', body);
  }

  @Post(':transferId/inflow-decision')
  @ApiCreatedResponse({ description: "The buyer's regulator approved or rejected the inflow" })
  @ApiForbiddenResponse({ description: 'Not the buyer’s regulator (CROSS_PROVINCE.FORBIDDEN)' })
  @ApiConflictResponse({ description: 'Already decided, or no longer pending (rejected, expired, departed)' })
  inflow(@Param('transferId') transferId: string, @Body() body: DecideTransferDto): Promise<CommandAnswer> {
    return this.transfers.decide(transferId, 'inflow', body);
  }

  @Post('sweeps')
  @ApiCreatedResponse({
    description: 'Overdue requests expired (units unlocked); departed transfers completed',
  })
  sweep(@Body() body: CommandEnvelopeDto): Promise<{ expired: string[]; completed: string[] }> {
    return this.transfers.sweep(body.actor);
  }

  @Get()
  @ApiQuery({ name: 'status', required: false, enum: TRANSFER_FILTERS, description: 'default pending' })
  @ApiQuery({
    name: 'registry',
    required: false,
    enum: REGISTRY_JURISDICTIONS,
    description: "as seller's or buyer's registry",
  })
  @ApiQuery({
    name: 'accountId',
    required: false,
    description: 'Only this account’s transfers, as seller or buyer (an enterprise must name its own)',
  })
  @ApiOkResponse({
    description:
      'Transfers, oldest request first (by default the pending ones: what awaits a decision); a regulator sees those touching its province',
  })
  @ApiUnprocessableEntityResponse({
    description: 'CROSS_PROVINCE.BAD_PARAMETER naming `status` or `registry`',
  })
  list(
    @Req() http: AuthenticatedRequest,
    @Query('status') status?: string,
    @Query('registry') registry?: string,
    @Query('accountId') accountId?: string,
  ): Promise<TransferView[]> {
    const query = parseListQuery({ status, registry }, TRANSFER_FILTERS, (message, field) =>
      crossProvinceError(E.BAD_PARAMETER, message, field),
    );
    // The edge let an enterprise in only with its own accountId; a regulator reads its province's.
    const principal = http.principal;
    return this.transfers.list(query.filter, {
      ...(query.registry !== undefined ? { registry: query.registry } : {}),
      ...(accountId !== undefined ? { accountId } : {}),
      ...(principal?.role === 'regulator' ? { province: principal.province } : {}),
    });
  }

  @Get(':transferId')
  @ApiOkResponse({
    description: 'Request, decisions, origin serials (locked or cancelled) and the units that arrived',
  })
  @ApiNotFoundResponse({ description: 'CROSS_PROVINCE.UNKNOWN_TRANSFER' })
  get(@Param('transferId') transferId: string): Promise<TransferView> {
    return this.transfers.view(transferId);
  }
}
