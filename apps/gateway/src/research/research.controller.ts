import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RunDirectory, RunListing } from './run-directory';

export const RESEARCH_RUN_DIRECTORY = Symbol('RESEARCH_RUN_DIRECTORY');

@ApiTags('research')
@Controller('research/runs')
export class ResearchController {
  constructor(@Inject(RESEARCH_RUN_DIRECTORY) private readonly runs: RunDirectory) {}

  @Get()
  @ApiOkResponse({ description: 'Simulator runs found in RUNS_DIR, newest first' })
  list(): RunListing[] {
    return this.runs.list();
  }

  @Get(':runId')
  @ApiOkResponse({ description: "The run's summary.json (format: the simulator's spec)" })
  @ApiNotFoundResponse({ description: 'RESEARCH.RUN_NOT_FOUND' })
  summary(@Param('runId') runId: string): unknown {
    return this.runs.summary(runId);
  }

  @Get(':runId/report')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: "The run's self-contained report.html" })
  @ApiNotFoundResponse({ description: 'RESEARCH.RUN_NOT_FOUND' })
  report(@Param('runId') runId: string, @Res() response: Response): void {
    response.type('html').sendFile(this.runs.reportPath(runId));
  }
}
