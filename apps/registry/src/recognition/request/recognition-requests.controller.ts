import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedRequest } from '@app/platform';
import { RecognitionError } from '@app/recognition';
import { parseListQuery } from '../../shared/list-query';
import { REGISTRY_JURISDICTIONS } from '../../shared/registry-jurisdiction';
import { RecognitionRequests, REQUEST_FILTERS } from './recognition-requests';
import type { RecognitionRequestView } from './recognition-request.view';
import { RequestRecognition } from './request-recognition.command';
import { RequestRecognitionDto } from './request-recognition.dto';

@ApiTags('recognition')
@Controller('recognition/requests')
export class RecognitionRequestsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly requests: RecognitionRequests,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    description: 'Requested: the saga runs on the queue; follow it under GET …/{requestId}',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiNotFoundResponse({ description: 'No origin block holds serialStart (RECOGNITION.SERIAL_NOT_FOUND)' })
  @ApiConflictResponse({
    description: 'requestId reused with another body (RECOGNITION.DUPLICATE_REQUEST_ID)',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Refused, nothing written (RECOGNITION.REQUEST_REJECTED: kind/vintage/project type excluded, use not allowed, quota exceeded, serials locked/cancelled/recognised, …), no agreement in force (RECOGNITION.NO_AGREEMENT), or separate markets that day (RECOGNITION.MARKETS_SEPARATE: the regulators’ market mode must be recognition-only or linked)',
  })
  request(@Body() body: RequestRecognitionDto): Promise<RecognitionRequestView> {
    return this.commandBus.execute(new RequestRecognition(body));
  }

  @Get(':requestId')
  @ApiOkResponse({
    description: 'Status and full provenance: every step with its time, origin and destination serials',
  })
  @ApiNotFoundResponse({ description: 'RECOGNITION.UNKNOWN_REQUEST' })
  get(@Param('requestId') requestId: string): Promise<RecognitionRequestView> {
    return this.requests.view(requestId);
  }

  @Get()
  @ApiQuery({
    name: 'registry',
    required: false,
    enum: REGISTRY_JURISDICTIONS,
    description: 'as origin or destination',
  })
  @ApiQuery({ name: 'status', required: false, enum: REQUEST_FILTERS, description: 'default pending' })
  @ApiQuery({
    name: 'holderId',
    required: false,
    description: 'Only this holder’s requests (an enterprise must name its own account)',
  })
  @ApiOkResponse({
    description:
      'Requests for a registry (regulators: the pending ones), oldest first; a regulator sees those touching its province',
  })
  list(
    @Req() http: AuthenticatedRequest,
    @Query('registry') registry?: string,
    @Query('status') status?: string,
    @Query('holderId') holderId?: string,
  ): Promise<RecognitionRequestView[]> {
    const query = parseListQuery(
      { status, registry },
      REQUEST_FILTERS,
      (message, field) => new RecognitionError('RECOGNITION.BAD_PARAMETER', message, { field }),
    );
    // The edge let an enterprise in only with its own holderId; a regulator reads its province's.
    const principal = http.principal;
    return this.requests.list(query.registry, query.filter, {
      ...(holderId !== undefined ? { holderId } : {}),
      ...(principal?.role === 'regulator' ? { province: principal.province } : {}),
    });
  }
}
