import { useCallback, useEffect, useState } from 'react';

/** Whole seconds left until a deadline set with start(ms), ticking down to zero. */
export function useCountdown(): { seconds: number; start: (ms: number) => void } {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [seconds, setSeconds] = useState(0);

  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setSeconds(left);
      if (left === 0) setDeadline(null);
    }, 250);
    return () => clearInterval(timer);
  }, [deadline]);

  const start = useCallback((ms: number) => {
    setDeadline(Date.now() + ms);
    setSeconds(Math.max(1, Math.ceil(ms / 1000)));
  }, []);

  return { seconds, start };
}
