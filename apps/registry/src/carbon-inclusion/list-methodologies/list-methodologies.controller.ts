import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { METHODOLOGIES } from '@app/recognition';
import { methodologyView, type MethodologyView } from './methodology.view';

@ApiTags('registry carbon inclusion')
@Controller('carbon-inclusion/methodologies')
export class ListMethodologiesController {
  @Get()
  @ApiOkResponse({
    description: 'Every methodology: province, credit kind, emission factor and its source, caps',
  })
  list(): MethodologyView[] {
    return METHODOLOGIES.map(methodologyView);
  }
}
