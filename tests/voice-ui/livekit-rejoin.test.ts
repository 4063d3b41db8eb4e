import { describe, expect, it, vi } from 'vitest';
import { reloadToRejoin, takeRejoin, type Tab } from '../../src-renderer/src/lib/livekit-rejoin';

/** A tab's session storage and reload. */
function tab() {
  const store = new Map<string, string>();
  const t = {
    storage: {
      getItem: (key) => store.get(key) ?? null,
      setItem: (key, value) => void store.set(key, value),
      removeItem: (key) => void store.delete(key),
    },
    reload: vi.fn<() => void>(),
  } satisfies Tab;
  return t;
}

describe('reloading once to reach a new LiveKit server', () => {
  it('reloads, then lets the next page join that conversation once', () => {
    const t = tab();
    expect(reloadToRejoin(t, 'c1', 'wss://lk.example.org', 1_000)).toBe(true);
    expect(t.reload).toHaveBeenCalledTimes(1);
    expect(takeRejoin(t, 'c2')).toBe(false);
    expect(takeRejoin(t, 'c1')).toBe(true);
    expect(takeRejoin(t, 'c1')).toBe(false);
  });

  it('does not reload in a loop for the same server, but does for another one or a minute later', () => {
    const t = tab();
    expect(reloadToRejoin(t, 'c1', 'wss://lk.example.org', 1_000)).toBe(true);
    expect(reloadToRejoin(t, 'c1', 'wss://lk.example.org/rtc', 30_000)).toBe(false);
    expect(reloadToRejoin(t, 'c1', 'wss://other.example.org', 31_000)).toBe(true);
    expect(reloadToRejoin(t, 'c1', 'wss://other.example.org', 92_000)).toBe(true);
    expect(t.reload).toHaveBeenCalledTimes(3);
  });
});
