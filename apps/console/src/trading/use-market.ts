import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Depth, Trade } from '../api/types';

export interface MarketState {
  depth?: Depth;
  trades: Trade[];
  error?: ApiError;
}

/** Depth and recent trades of one instrument, refreshed every `intervalMs`; an error is kept, not thrown. */
export function useMarket(
  symbol: string | undefined,
  intervalMs = 1000,
): MarketState & { refresh: () => void } {
  const [state, setState] = useState<MarketState>({ trades: [] });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!symbol) return;
    let cancelled = false;
    const load = async () => {
      try {
        const [depth, trades] = await Promise.all([api.depth(symbol), api.trades(symbol)]);
        if (!cancelled) setState({ depth, trades });
      } catch (error) {
        if (!cancelled) setState((s) => ({ ...s, error: error as ApiError }));
      }
    };
    void load();
    const timer = setInterval(() => void load(), intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [symbol, intervalMs, tick]);

  return { ...state, refresh: () => setTick((n) => n + 1) };
}
