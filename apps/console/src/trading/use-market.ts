import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Depth, Trade } from '../api/types';
import { FeedClient, FeedState, SocketLike } from './feed-client';

export interface MarketState {
  depth?: Depth;
  /** Newest first. */
  trades: Trade[];
  live: boolean;
  error?: ApiError;
}

/**
 * Depth and trades of one instrument, live over the gateway's WebSocket feed (reconnecting and
 * resynchronising on its own); the trades before the subscription come from `GET /trades`.
 */
export function useMarket(symbol: string | undefined): MarketState & { refresh: () => void } {
  const [history, setHistory] = useState<Trade[]>([]);
  const [feed, setFeed] = useState<FeedState>();
  const [error, setError] = useState<ApiError>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!symbol) return;
    api
      .trades(symbol)
      .then((trades) => {
        setHistory(trades);
        setError(undefined);
      })
      .catch((e: ApiError) => setError(e));
  }, [symbol, tick]);

  useEffect(() => {
    if (!symbol) return;
    setFeed(undefined);
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/feed`;
    const client = new FeedClient(symbol, {
      connect: () => new WebSocket(url) as unknown as SocketLike,
      onChange: setFeed,
    });
    return () => client.stop();
  }, [symbol]);

  const byNo = new Map<number, Trade>();
  for (const t of history) byNo.set(t.tradeNo, t);
  for (const t of feed?.trades ?? [])
    if (symbol && !byNo.has(t.tradeNo))
      byNo.set(t.tradeNo, { ...t, instrument: symbol, buyer: '', seller: '' });
  const trades = [...byNo.values()].sort((a, b) => b.tradeNo - a.tradeNo).slice(0, 50);

  return {
    depth:
      symbol && feed?.seq !== undefined
        ? { instrument: symbol, bids: feed.bids, asks: feed.asks }
        : undefined,
    trades,
    live: feed?.connected ?? false,
    error,
    refresh: () => setTick((n) => n + 1),
  };
}
