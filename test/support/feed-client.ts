import WebSocket from 'ws';
import { eventually } from './http';

export type Message = Record<string, unknown> & { type: string };

/** A feed client that keeps every message it received. */
export class FeedClient {
  readonly messages: Message[] = [];
  private readonly socket: WebSocket;
  readonly open: Promise<void>;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (raw) => this.messages.push(JSON.parse(raw.toString()) as Message));
    this.open = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  next(predicate: (m: Message) => boolean, what: string): Promise<Message> {
    return eventually(async () => this.messages.find(predicate), 15000, what);
  }

  close(): void {
    this.socket.close();
  }
}
