import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { serialNumberOf } from '../../shared/serial-text';
import { findSerialHistory } from './find-serial-history';
import type { SerialHistoryView } from './serial-history.view';

@ApiTags('registry serials')
@Controller('serials')
export class GetSerialHistoryController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Get(':serial')
  @ApiParam({
    name: 'serial',
    example: 'CQ-CARBON_ALLOWANCE-2025-000000000001',
    description: '{jurisdiction}-{kind}-{vintage}[-{projectId}]-{12-digit number}, as shown in holdings',
  })
  @ApiOkResponse({
    description:
      'Issuance and every move, lock, surrender, retirement or cancellation of the unit; for a unit moved by a cross-province transfer, `crossProvince` names the serial on the other side',
  })
  @ApiNotFoundResponse({ description: 'No registry issued this serial' })
  async get(@Param('serial') serial: string): Promise<SerialHistoryView> {
    const number = serialNumberOf(serial);
    const found = await findSerialHistory(this.registry, serial, number);
    if (found) return found;
    throw new RegistryError(REGISTRY_ERRORS.SERIAL_NOT_FOUND, `no registry issued serial ${serial}`, {
      field: 'serial',
    });
  }
}
