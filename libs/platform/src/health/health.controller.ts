import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';

/** Anything the app depends on besides the database, e.g. the Redis behind the queues. */
export interface HealthProbe {
  readonly name: string;
  check(): Promise<Record<string, unknown> | void>;
}
export const HEALTH_PROBES = Symbol('HEALTH_PROBES');

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(HEALTH_PROBES) private readonly probes: HealthProbe[] = [],
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database').withTimeout(2000),
      ...this.probes.map(
        (probe) => () =>
          this.indicators
            .check(probe.name)
            .attempt(() => probe.check())
            .withTimeout(2000),
      ),
    ]);
  }
}
