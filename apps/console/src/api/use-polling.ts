import { useEffect, useState } from 'react';
import type { ApiError } from './client';

/**
 * `load()` now and every `intervalMs` while mounted (and afresh when `key` changes); the latest
 * answer or error, never thrown. An answer arriving after unmount or a key change is dropped.
 */
export function usePolling<T>(
  load: () => Promise<T>,
  intervalMs: number,
  key: string,
): { data?: T; error?: ApiError } {
  const [state, setState] = useState<{ data?: T; error?: ApiError }>({});
  useEffect(() => {
    let current = true;
    const poll = () =>
      load()
        .then((data) => current && setState({ data }))
        .catch((error: ApiError) => current && setState((s) => ({ ...s, error })));
    setState({});
    void poll();
    const timer = setInterval(() => void poll(), intervalMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
    // `load` is a new closure each render; `key` says when it asks for something else.
  }, [key, intervalMs]);
  return state;
}
