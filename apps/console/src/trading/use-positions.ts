import { api } from '../api/client';
import { usePolling } from '../api/use-polling';

/** The signed-in member's cash and holdings, refreshed with the market. */
export function usePositions(memberId: string, intervalMs = 1000) {
  const { data, error } = usePolling(() => api.positions(memberId), intervalMs, memberId);
  return { positions: data, error };
}
