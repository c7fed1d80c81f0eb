import 'reflect-metadata';
import type * as Platform from '../../../libs/platform/src';
import { loadAppConfig } from '../../../libs/platform/src/config/load-app-config';
import { startEmbeddedPostgres } from '../../../libs/platform/src/database/embedded-postgres';
import type * as Sandbox from './sandbox.app';

/**
 * The embedded database takes seconds to boot (its WebAssembly compiles off the main thread), so
 * it starts first and the app's modules load meanwhile: `npm start` serves sooner.
 */
function main(): Promise<void> {
  const config = loadAppConfig();
  const embedded = config.DATABASE_URL
    ? undefined
    : startEmbeddedPostgres({ dataDir: config.PGLITE_DATA_DIR });
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded after the database started, on purpose */
  const { runServiceMain } = require('../../../libs/platform/src') as typeof Platform;
  const { sandboxService } = require('./sandbox.app') as typeof Sandbox;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return runServiceMain({ ...sandboxService(config), embedded });
}

void main();
