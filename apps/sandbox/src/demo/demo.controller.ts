import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DemoData, demoUsers, DemoUser } from './demo-data';

export const DEMO_DATA = Symbol('DEMO_DATA');

@ApiTags('demo')
@Controller('demo')
export class DemoController {
  constructor(@Inject(DEMO_DATA) private readonly demo: DemoData) {}

  @Get('users')
  @ApiOkResponse({ description: 'Demo users of each role for the console sign-in picker (sandbox only)' })
  users(): DemoUser[] {
    return demoUsers(this.demo);
  }
}
