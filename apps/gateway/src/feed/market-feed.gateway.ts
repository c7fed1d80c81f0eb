import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { RawData, WebSocket } from 'ws';
import { InstrumentCatalogue } from '@app/platform';
import { clientMessageSchema, type FeedMessage } from './feed-messages';
import { FeedListener, MarketFeed } from './market-feed';

/** A client that lets this much pile up unread is cut off rather than slowing everyone down. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * `ws://<gateway>/feed`: per-instrument depth and trades. The message format is in the gateway
 * README. Messages are JSON; a bad one gets an `error` message naming the field, never a close.
 */
@WebSocketGateway({ path: '/feed' })
export class MarketFeedGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(MarketFeedGateway.name);
  private readonly clients = new Map<WebSocket, Map<string, FeedListener>>();

  constructor(
    private readonly feed: MarketFeed,
    private readonly catalogue: InstrumentCatalogue,
  ) {}

  handleConnection(client: WebSocket): void {
    this.clients.set(client, new Map());
    client.on('message', (raw: RawData) => {
      this.onMessage(client, raw).catch((error: unknown) => {
        this.logger.error(`feed message failed: ${String(error)}`);
        send(client, { type: 'error', code: 'FEED.INTERNAL', message: 'the message could not be handled' });
      });
    });
  }

  handleDisconnect(client: WebSocket): void {
    for (const [instrument, listener] of this.clients.get(client) ?? [])
      this.feed.unsubscribe(instrument, listener);
    this.clients.delete(client);
  }

  private async onMessage(client: WebSocket, raw: RawData): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(raw.toString());
    } catch {
      return send(client, {
        type: 'error',
        code: 'FEED.BAD_JSON',
        message: 'a message must be one JSON object',
      });
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join('.') || 'op';
      return send(client, {
        type: 'error',
        code: 'FEED.BAD_MESSAGE',
        message: `${field}: ${issue.message}`,
        field,
      });
    }
    const message = parsed.data;
    const subscriptions = this.clients.get(client);
    if (!subscriptions) return;
    if (message.op === 'ping') return send(client, { type: 'pong' });
    if (message.op === 'unsubscribe') {
      const listener = subscriptions.get(message.instrument);
      if (listener) this.feed.unsubscribe(message.instrument, listener);
      subscriptions.delete(message.instrument);
      return send(client, { type: 'unsubscribed', instrument: message.instrument });
    }
    const { instrument, channels } = message;
    if (!this.catalogue.get(instrument))
      return send(client, {
        type: 'error',
        code: 'EXCHANGE.UNKNOWN_INSTRUMENT',
        message: `unknown instrument ${instrument}`,
        field: 'instrument',
      });
    const previous = subscriptions.get(instrument);
    if (previous) this.feed.unsubscribe(instrument, previous);
    const listener: FeedListener = { channels: new Set(channels), send: (m) => send(client, m) };
    subscriptions.set(instrument, listener);
    send(client, { type: 'subscribed', instrument, channels: [...new Set(channels)] });
    await this.feed.subscribe(instrument, listener);
  }
}

function send(client: WebSocket, message: FeedMessage): void {
  if (client.readyState !== client.OPEN) return;
  if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
    client.close(1013, 'slow consumer: resubscribe');
    return;
  }
  client.send(JSON.stringify(message));
}
