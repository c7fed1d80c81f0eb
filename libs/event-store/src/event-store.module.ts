import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventStore, type EventStoreOptions } from './event-store';

export interface EventStoreModuleOptions extends EventStoreOptions {
  /** Name of the TypeORM data source, when the app has more than one. */
  dataSourceName?: string;
}

@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  /** Provides {@link EventStore} built on the DataSource registered by `TypeOrmModule.forRoot`. */
  static forRoot(options: EventStoreModuleOptions = {}): DynamicModule {
    const { dataSourceName, ...storeOptions } = options;
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: EventStore,
          useFactory: (dataSource: DataSource) => new EventStore(dataSource, storeOptions),
          inject: [getDataSourceToken(dataSourceName)],
        },
      ],
      exports: [EventStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
