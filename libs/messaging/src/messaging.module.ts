import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Outbox } from './outbox/outbox';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
import { createMessageTransport, type MessagingTransportConfig } from './transport/create-message-transport';
import { MESSAGE_TRANSPORT, type MessageTransport } from './transport/message-transport';

export interface MessagingModuleOptions extends MessagingTransportConfig {
  /** Run the outbox relay in this process (default true). */
  relay?: boolean | OutboxRelayOptions;
  /** Name of the TypeORM data source, when the app has more than one. */
  dataSourceName?: string;
}

const RELAY_ENABLED = Symbol('MESSAGING_RELAY_ENABLED');

/** Starts the relay once the app is up; stops it before the DataSource closes, then the transport. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    @Inject(RELAY_ENABLED) private readonly relayEnabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.relayEnabled) await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}

/**
 * The transport (`MESSAGE_TRANSPORT`: BullMQ when `redisUrl` is set, else in-process), the
 * {@link Outbox} and the {@link OutboxRelay}, on the DataSource registered by
 * `TypeOrmModule.forRoot` in the host app. Global, like the DataSource it builds on.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions = {}): DynamicModule {
    const { relay = true, dataSourceName, ...transportConfig } = options;
    // In process nothing is lost while the process lives: only the start-up re-send is needed.
    const relayOptions: OutboxRelayOptions = {
      ...(transportConfig.redisUrl ? {} : { resendAfterMs: null }),
      ...(typeof relay === 'object' ? relay : {}),
    };
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGE_TRANSPORT, useFactory: () => createMessageTransport(transportConfig) },
        { provide: Outbox, useFactory: () => new Outbox() },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, transport: MessageTransport) =>
            new OutboxRelay(dataSource, transport, relayOptions),
          inject: [getDataSourceToken(dataSourceName), MESSAGE_TRANSPORT],
        },
        { provide: RELAY_ENABLED, useValue: relay !== false },
        MessagingLifecycle,
      ],
      exports: [MESSAGE_TRANSPORT, Outbox, OutboxRelay],
    };
  }
}
