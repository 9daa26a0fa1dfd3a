import { useCallback, useEffect, useState } from 'react';

/** Whole seconds left until `deadline` (ms since the epoch), never negative. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * A countdown to a server-given wait (Retry-After). `start(seconds)` begins it; `remaining` is
 * the whole seconds left, 0 when there is nothing to wait for.
 */
export function useCountdown(): { remaining: number; start: (seconds: number) => void } {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [remaining, setRemaining] = useState(0);

  useEffect(() => {
    if (deadline === null) return;
    const tick = () => {
      const left = secondsLeft(deadline, Date.now());
      setRemaining(left);
      if (left === 0) setDeadline(null);
    };
    tick();
    // A quarter-second tick keeps the shown number within 250 ms of the truth.
    const timer = window.setInterval(tick, 250);
    return () => {
      window.clearInterval(timer);
    };
  }, [deadline]);

  const start = useCallback((seconds: number) => {
    if (seconds > 0) setDeadline(Date.now() + seconds * 1000);
  }, []);

  return { remaining, start };
}
