import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventStore } from './event-store';
import { EventStoreModule } from './event-store.module';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS } from './schema/event-store-schema.migration';

// Database set-up and concurrency tests can be slow on a loaded machine (Jest's default is 5 s).
jest.setTimeout(60_000);

describe('EventStoreModule', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ entities: EVENT_STORE_ENTITIES, migrations: EVENT_STORE_MIGRATIONS });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('provides an EventStore on the app DataSource and closes it on shutdown', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: db.url,
          entities: EVENT_STORE_ENTITIES,
          synchronize: false,
        }),
        EventStoreModule.forRoot(),
      ],
    }).compile();
    const app = moduleRef.createNestApplication();
    app.enableShutdownHooks();
    await app.init();
    const store = app.get(EventStore);
    expect(store).toBeInstanceOf(EventStore);
    await store.append('nest-1', 'no-stream', [{ type: 'Wired', data: {} }]);
    expect(await store.readStream('nest-1')).toHaveLength(1);
    await app.close();
  });
});
