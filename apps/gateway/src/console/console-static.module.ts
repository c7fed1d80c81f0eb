import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Controller, DynamicModule, Get, Logger, Module, Redirect } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ServeStaticModule } from '@nestjs/serve-static';

/** `npm run build:console` writes the web console to `dist/console`; found from the sources or the build. */
export function findConsoleBuild(): string | undefined {
  return [resolve(__dirname, '../../../../dist/console'), resolve(__dirname, '../../../../console')].find(
    (dir) => existsSync(resolve(dir, 'index.html')),
  );
}

@ApiExcludeController()
@Controller()
class ConsoleRedirectController {
  @Get()
  @Redirect('/console/', 302)
  root(): void {}
}

/** Serves the web console at /console/ (and sends / there) when it has been built; the API works without it. */
@Module({})
export class ConsoleStaticModule {
  static forRoot(dir = findConsoleBuild()): DynamicModule {
    if (!dir) {
      new Logger(ConsoleStaticModule.name).warn(
        'web console not built (npm run build:console); serving the API only',
      );
      return { module: ConsoleStaticModule };
    }
    return {
      module: ConsoleStaticModule,
      imports: [ServeStaticModule.forRoot({ rootPath: dir, serveRoot: '/console' })],
      controllers: [ConsoleRedirectController],
    };
  }
}
