import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';
import { MoveView } from '../../shared/move.view';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { UnlockUnits } from '../unlock-units/unlock-units.command';
import { LockUnits } from './lock-units.command';
import { LockUnitsDto } from './lock-units.dto';

@ApiTags('registry locks')
@Controller('registries/:jurisdiction/locks')
export class LockUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({
    type: MoveView,
    description: 'Units held in place under lockId (UnitsLocked is durable)',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiUnprocessableEntityResponse({
    description: 'Lock exists, units insufficient or already locked (LEDGER.*)',
  })
  lock(@Param('jurisdiction') jurisdiction: string, @Body() body: LockUnitsDto): Promise<MoveView> {
    return this.commandBus.execute(new LockUnits(parseRegistryJurisdiction(jurisdiction), body));
  }

  @Post(':lockId/release')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({
    type: MoveView,
    description: 'The locked units are free again (UnitsUnlocked is durable)',
  })
  @ApiNotFoundResponse({ description: 'No active lock with this id (LEDGER.UNKNOWN_LOCK)' })
  release(
    @Param('jurisdiction') jurisdiction: string,
    @Param('lockId') lockId: string,
    @Body() body: CommandEnvelopeDto,
  ): Promise<MoveView> {
    return this.commandBus.execute(new UnlockUnits(parseRegistryJurisdiction(jurisdiction), lockId, body));
  }
}
