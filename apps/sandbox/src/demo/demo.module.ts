import { DynamicModule, Module } from '@nestjs/common';
import { DemoData } from './demo-data';
import { DEMO_DATA, DemoController } from './demo.controller';

/** The sandbox's demo users, for the console's sign-in picker. */
@Module({})
export class DemoModule {
  static forRoot(demo: DemoData): DynamicModule {
    return {
      module: DemoModule,
      controllers: [DemoController],
      providers: [{ provide: DEMO_DATA, useValue: demo }],
    };
  }
}
