import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Positions } from '../api/types';

/** The signed-in member's cash and holdings, refreshed with the market. */
export function usePositions(
  memberId: string,
  intervalMs = 1000,
): { positions?: Positions; error?: ApiError } {
  const [state, setState] = useState<{ positions?: Positions; error?: ApiError }>({});
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      api
        .positions(memberId)
        .then((positions) => !cancelled && setState({ positions }))
        .catch((error: ApiError) => !cancelled && setState({ error }));
    void load();
    const timer = setInterval(() => void load(), intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [memberId, intervalMs]);
  return state;
}
