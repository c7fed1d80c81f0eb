import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { RESEARCH_RUN_DIRECTORY, ResearchController } from './research.controller';
import { RunDirectory } from './run-directory';

/** Simulator runs for researchers: list, summary, report (read from RUNS_DIR). */
@Module({
  controllers: [ResearchController],
  providers: [
    {
      provide: RESEARCH_RUN_DIRECTORY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new RunDirectory(config.RUNS_DIR),
    },
  ],
})
export class ResearchModule {}
