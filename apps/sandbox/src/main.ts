import 'reflect-metadata';
import { loadAppConfig } from '../../../libs/platform/src/config/load-app-config';
import { startEmbeddedPostgres } from '../../../libs/platform/src/database/embedded-postgres';

/**
 * The embedded database takes seconds to boot (WebAssembly), so it starts first and the app's
 * modules load meanwhile: `npm start` serves sooner.
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const embedded = config.DATABASE_URL
    ? undefined
    : startEmbeddedPostgres({ dataDir: config.PGLITE_DATA_DIR });
  const [{ runServiceMain }, { sandboxService }] = await Promise.all([
    import('@app/platform'),
    import('./sandbox.app'),
  ]);
  await runServiceMain({ ...sandboxService(config), embedded });
}

void main();
