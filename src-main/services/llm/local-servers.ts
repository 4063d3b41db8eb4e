import type { LlmProviderKind } from '../../../src-shared/domain/tutor-llm';

export interface LocalServer {
  kind: LlmProviderKind;
  /** Where to probe (loopback). */
  probeUrl: string;
  /** What to offer the learner. */
  baseUrl: string;
}

export const LOCAL_SERVERS: LocalServer[] = [
  { kind: 'ollama', probeUrl: 'http://127.0.0.1:11434/v1', baseUrl: 'http://localhost:11434/v1' },
  { kind: 'lmstudio', probeUrl: 'http://127.0.0.1:1234/v1', baseUrl: 'http://localhost:1234/v1' },
];

const PROBE_TIMEOUT_MS = 800;

/** Asks each loopback server for its models at once, with a short time-out; returns those that answered. */
export async function detectLocalServers(servers: LocalServer[] = LOCAL_SERVERS) {
  const probes = servers.map(async (server) => {
    try {
      const response = await fetch(`${server.probeUrl}/models`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      if (!response.ok) return null;
      const body = (await response.json()) as { data?: { id?: unknown }[] };
      if (!Array.isArray(body.data)) return null;
      const models = body.data.map((m) => m.id).filter((id): id is string => typeof id === 'string');
      return { kind: server.kind, baseUrl: server.baseUrl, models };
    } catch {
      return null;
    }
  });
  return (await Promise.all(probes)).filter((found) => found !== null);
}
