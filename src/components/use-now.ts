// The current time as render input: ticks on an interval so relative times ("in 5 minutes") stay true.
import { useEffect, useState } from 'react';

/** Milliseconds since the epoch, refreshed every `intervalMs`. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
