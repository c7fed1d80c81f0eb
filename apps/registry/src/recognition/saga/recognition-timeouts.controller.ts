import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';
import { RecognitionTimeouts } from './recognition-timeouts';

/** The registry sweeps every REGISTRY_SWEEP_INTERVAL_MS (sweeps/scheduled-sweeps.ts); a regulator (or a test with its injected clock) may sweep now. */
@ApiTags('recognition')
@Controller('recognition/timeout-sweeps')
export class RecognitionTimeoutsController {
  constructor(private readonly timeouts: RecognitionTimeouts) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Request ids found timed out; each is failed and compensated by the saga' })
  async sweep(@Body() _body: CommandEnvelopeDto): Promise<{ timedOut: string[] }> {
    return { timedOut: await this.timeouts.sweep() };
  }
}
