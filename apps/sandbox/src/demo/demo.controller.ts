import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DemoData, demoUsers, DemoUser } from './demo-data';

export const DEMO_DATA = Symbol('DEMO_DATA');
export const DEMO_STATUS = Symbol('DEMO_STATUS');

/** Where the demo stands: seeding runs after the server listens, so clients may ask. */
export interface DemoStatus {
  seeded: boolean;
  trading: boolean;
  /** The demo simulator runs are in RUNS_DIR. */
  runs: boolean;
}

@ApiTags('demo')
@Controller('demo')
export class DemoController {
  constructor(
    @Inject(DEMO_DATA) private readonly demo: DemoData,
    @Inject(DEMO_STATUS) private readonly status: DemoStatus,
  ) {}

  @Get('users')
  @ApiOkResponse({ description: 'Demo users of each role for the console sign-in picker (sandbox only)' })
  users(): DemoUser[] {
    return demoUsers(this.demo);
  }

  @Get('compliance')
  @ApiOkResponse({ description: "The demo's compliance year and its surrender deadline (ISO date)" })
  compliance(): { year: number; deadline: string } {
    return { year: this.demo.compliance.year, deadline: this.demo.compliance.deadline };
  }

  @Get('status')
  @ApiOkResponse({
    description: 'Whether the demo users are seeded, the noise traders running and the demo runs written',
  })
  getStatus(): DemoStatus {
    return this.status;
  }
}
