import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../src-shared/contract';
import { api } from '../lib/api';
import { useContractQuery } from './useContractQuery';

/** How often the tutor screen asks again whether the model answers, while it says it does not. */
const RECHECK_MS = 30_000;
/** One probe at a time, however many parts of the screen ask. */
let inflight: Promise<Output<'llm:status'>> | null = null;

/** A check older than this is repeated when the tutor screen opens. */
const STALE_MS = 60_000;

/**
 * Whether the tutor can talk: a provider is configured and answered lately. `offline` is true when the screen
 * should offer offline practice instead of (or next to) the chat.
 */
export function useLlmStatus({ watch = false }: { watch?: boolean } = {}) {
  const status = useContractQuery('llm:status', { refresh: false });
  const queryClient = useQueryClient();
  const [checking, setChecking] = useState(false);
  const data = status.data;
  const configured = data?.configured ?? null;
  const offline = data ? !data.configured || data.online === false : false;

  /** Probes the server now instead of trusting the last call's outcome. */
  const probeNow = useCallback(async () => {
    inflight ??= api.invoke('llm:status', { refresh: true }).finally(() => {
      inflight = null;
    });
    queryClient.setQueryData(['llm:status', { refresh: false }], await inflight);
  }, [queryClient]);

  const recheck = useCallback(async () => {
    setChecking(true);
    try {
      await probeNow();
    } finally {
      setChecking(false);
    }
  }, [probeNow]);

  // Watching: probe once when the last check is missing or old, so a server that went away is noticed before
  // typing, and again every so often while it does not answer, so the screen notices when it is back.
  const checkedAt = data?.checkedAt ?? null;
  const probe = watch && data?.configured === true;
  const down = watch && data?.online === false;
  const probed = useRef(false);
  useEffect(() => {
    if (!down) return;
    const timer = setInterval(() => probeNow().catch(() => undefined), RECHECK_MS);
    return () => clearInterval(timer);
  }, [down, probeNow]);
  useEffect(() => {
    if (!probe || probed.current) return;
    if (checkedAt !== null && Date.now() - checkedAt < STALE_MS) return;
    probed.current = true;
    probeNow().catch(() => undefined);
  }, [probe, checkedAt, probeNow]);

  return { status, configured, offline, problem: data?.problem ?? null, recheck, checking };
}
