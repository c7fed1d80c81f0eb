import { DynamicModule, Module } from '@nestjs/common';
import { DemoData } from './demo-data';
import { DEMO_DATA, DEMO_STATUS, DemoController, DemoStatus } from './demo.controller';

/** The sandbox's demo users, for the console's sign-in picker, and the seeding status. */
@Module({})
export class DemoModule {
  static forRoot(demo: DemoData): DynamicModule {
    const status: DemoStatus = { seeded: false, trading: false, runs: false };
    return {
      module: DemoModule,
      controllers: [DemoController],
      providers: [
        { provide: DEMO_DATA, useValue: demo },
        { provide: DEMO_STATUS, useValue: status },
      ],
    };
  }
}
