import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CommandResultView } from '../../shared/command-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { OpenAccount } from './open-account.command';
import { OpenAccountDto } from './open-account.dto';

@ApiTags('registry accounts')
@Controller('registries/:jurisdiction/accounts')
export class OpenAccountController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({
    type: CommandResultView,
    description: 'The account is open (AccountOpened is durable)',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiConflictResponse({ description: 'The account exists, or the commandId was used for another command' })
  open(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: OpenAccountDto,
  ): Promise<CommandResultView> {
    return this.commandBus.execute(new OpenAccount(parseRegistryJurisdiction(jurisdiction), body));
  }
}
