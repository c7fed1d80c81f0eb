import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  MARKET_LINKED,
  MARKET_SEPARATED,
  type BookEvent,
  type ExchangeCommandMessage,
  type SetMarketModeMessage,
} from '@app/contracts';
import { isLinkedBook, linkableAllowance, linkedMembers, linkGroupOf } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';
import { BookCache } from '../book-cache';
import { MODE_NOT_ALLOWED, orderRejected, type InstrumentBook } from '../instrument-book';
import { toLinkedOrder } from './linked-order';

export interface BookDecision {
  book: InstrumentBook;
  events: BookEvent[];
}

/**
 * Where a command goes while a vintage's allowances may be linked. The linked book
 * (`LINKED-EA-<vintage>`) records the mode in force (`MarketModeApplied`); while it is `linked`,
 * orders and cancels for either province's allowance go to it, converted to linked units. Block
 * trades and rule changes stay on the province's own book (they never rest in a book). One
 * worker owns all three books (they share a shard), so the switch and the orders around it are
 * applied in queue order.
 */
@Injectable()
export class MarketLinkage {
  constructor(
    private readonly books: BookCache,
    private readonly catalogue: InstrumentCatalogue,
  ) {}

  /** The books and events of a command, or undefined when it takes the usual path (its own book). */
  async route(command: ExchangeCommandMessage, manager: EntityManager): Promise<BookDecision[] | undefined> {
    if (command.name === 'SetMarketMode') return this.switchTo(command.payload, manager);
    const symbol = command.payload.instrument;
    if (isLinkedBook(symbol)) return [this.inLinkedBook(await this.books.get(symbol, manager), command)];
    const allowance = linkableAllowance(symbol);
    if (!allowance || !this.bothProvincesListed(allowance.vintage)) return undefined;
    const linked = await this.books.get(allowance.linkedBook, manager);
    if (linked.marketMode?.mode !== 'linked') return undefined;
    if (command.name === 'ReportBlockTrade' || command.name === 'ConfigureBook') return undefined;
    if (command.name === 'SetSession') {
      const own = await this.books.get(symbol, manager);
      const out: BookDecision[] = [{ book: own, events: own.setSession(command.payload) }];
      // The linked book keeps the anchor province's (CQ's) sessions: DAY orders expire at its close.
      if (allowance.province === 'CQ') out.push({ book: linked, events: linked.setSession(command.payload) });
      return out;
    }
    if (
      command.name === 'PlaceOrder' &&
      !(await this.books.get(symbol, manager)).allowsListingIn(linked.session)
    )
      return [
        {
          book: linked,
          events: [orderRejected(command.payload, linked.instrument.symbol, MODE_NOT_ALLOWED)],
        },
      ];
    return [this.inLinkedBook(linked, command)];
  }

  /** Symbols whose in-memory books a failed command may have touched. */
  static groupOf(symbol: string): string[] {
    const group = linkGroupOf(symbol);
    if (group === symbol) return [symbol];
    const vintage = Number(group.slice('EA-'.length));
    return [...linkedMembers(vintage), `LINKED-${group}`];
  }

  private inLinkedBook(linked: InstrumentBook, command: ExchangeCommandMessage): BookDecision {
    const symbol = linked.instrument.symbol;
    switch (command.name) {
      case 'PlaceOrder': {
        const order = command.payload;
        const rules = this.catalogue.rulesAt(order.instrument, order.receivedAt);
        const ratio = linked.marketMode?.exchangeRatio;
        const converted =
          rules && ratio ? toLinkedOrder(order, rules, ratio) : { rejected: 'market-not-linked' };
        if ('rejected' in converted)
          return { book: linked, events: [orderRejected(order, symbol, converted.rejected)] };
        return { book: linked, events: linked.place(converted) };
      }
      case 'CancelOrder':
        return { book: linked, events: linked.cancel(command.payload.orderId) };
      case 'AmendOrder':
        // Amending would re-price in linked units; cancel and place again instead.
        return {
          book: linked,
          events: [
            {
              type: 'AmendRejected',
              data: { orderId: command.payload.orderId, instrument: symbol, reason: 'linked-book-no-amend' },
            },
          ],
        };
      default:
        return { book: linked, events: [] };
    }
  }

  /**
   * Linking cancels the resting orders of both provinces' books; separating (or re-linking at
   * another ratio) cancels the linked book's. The same decision applied twice does nothing.
   */
  private async switchTo(m: SetMarketModeMessage, manager: EntityManager): Promise<BookDecision[]> {
    const linked = await this.books.get(m.instrument, manager);
    if (linked.marketMode?.version === m.version) return [];
    const wasLinked = linked.marketMode?.mode === 'linked';
    const out: BookDecision[] = [];
    const linkedEvents = wasLinked
      ? linked.purge(m.mode === 'linked' ? MARKET_LINKED : MARKET_SEPARATED)
      : [];
    if (m.mode === 'linked' && !wasLinked) {
      const vintage = Number(m.instrument.slice('LINKED-EA-'.length));
      for (const symbol of linkedMembers(vintage)) {
        const own = await this.books.get(symbol, manager);
        out.push({ book: own, events: own.purge(MARKET_LINKED) });
      }
    }
    if (m.mode === 'linked') {
      // The linked book opens in the session the Chongqing book is in (closed at night, say).
      const vintage = Number(m.instrument.slice('LINKED-EA-'.length));
      const anchor = await this.books.get(linkedMembers(vintage)[0], manager);
      linkedEvents.push(
        ...linked.setSession({
          commandId: m.commandId,
          instrument: m.instrument,
          session: anchor.session,
          tradingDay: m.effectiveFrom,
          closesDay: false,
          receivedAt: m.receivedAt,
        }),
      );
    }
    linkedEvents.push(...linked.applyMarketMode(m));
    out.push({ book: linked, events: linkedEvents });
    return out;
  }

  private bothProvincesListed(vintage: number): boolean {
    return linkedMembers(vintage).every((s) => this.catalogue.get(s) !== undefined);
  }
}
