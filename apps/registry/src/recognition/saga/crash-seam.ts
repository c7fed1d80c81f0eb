import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/platform';
import type { RecognitionEventType } from '@app/recognition';

export type CrashMoment = 'before-commit' | 'after-commit';

/**
 * The fault-injection seam of the recognition saga. With `RECOGNITION_CRASH_POINT=after-commit:OriginRangeLocked`
 * the worker process SIGKILLs itself right after the transaction recording that step committed (the queue
 * message not yet acknowledged); with `before-commit:…` inside it, after the registry and saga appends but
 * before the commit (PostgreSQL rolls it back). Unset: never. Only for tests (`test/recognition-crash.e2e-spec.ts`).
 */
@Injectable()
export class CrashSeam {
  private readonly logger = new Logger(CrashSeam.name);
  private readonly point: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.point = config.RECOGNITION_CRASH_POINT;
  }

  at(moment: CrashMoment, step: RecognitionEventType): void {
    if (this.point !== `${moment}:${step}`) return;
    this.logger.warn(`RECOGNITION_CRASH_POINT ${this.point}: killing process ${process.pid}`);
    process.kill(process.pid, 'SIGKILL');
  }
}
