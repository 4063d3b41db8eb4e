import { ContractError } from '../../../src-shared/contract/errors';
import type { SecretName } from '../../../src-shared/contract/secrets';
import type { LlmConfig, LlmProblem, LlmProviderInput, LlmSlot } from '../../../src-shared/domain/tutor-llm';
import { LlmError, PROBLEM_MESSAGES, classifyLlmError } from '../../providers/llm/llm-errors';
import { createLlmClient, type ChatMessage, type CompleteRequest, type LlmClient, type StreamResult } from '../../providers/llm/openai-client';
import { DEFAULT_LLM_TUNING, type LlmTuning } from '../../providers/llm/tuning';
import type { DomainDeps } from '../index';
import { createLlmConfigStore, policyProvider, type StoredConfig, type StoredProvider } from './llm-config';
import { detectLocalServers, LOCAL_SERVERS, type LocalServer } from './local-servers';

export type LlmPurpose = 'conversation' | 'analysis';

export interface LlmOptions {
  tuning?: Partial<LlmTuning>;
  /** Loopback servers `llm:detectLocal` probes (tests point it at the mock server). */
  localServers?: LocalServer[];
}

/** Who is asking: the profile, and the session's key that unseals its secrets. */
export interface LlmCaller {
  profileId: string;
  secretsKey: Buffer | null;
}

interface Route {
  slot: LlmSlot;
  client: LlmClient;
  model: string;
}

const KEY_OF: Record<LlmSlot, SecretName> = { primary: 'llm.apiKey', fallback: 'llm.fallbackApiKey' };
const STATUS_TIMEOUT_MS = 3_000;

export type LlmService = ReturnType<typeof createLlmService>;

/**
 * The model servers of each profile: settings, connection tests, and calls with a fallback. Keys are read from the
 * key store for each call and held only in the SDK client; nothing here returns or logs them.
 */
export function createLlmService(deps: DomainDeps & { llmOptions?: LlmOptions }) {
  const tuning: LlmTuning = { ...DEFAULT_LLM_TUNING, ...deps.llmOptions?.tuning };
  const store = createLlmConfigStore(deps.db, deps.policy, deps.now);
  const health = new Map<string, { online: boolean; problem: LlmProblem | null; checkedAt: number }>();
  const clients = new Map<string, LlmClient>();

  const clientFor = (baseUrl: string, apiKey: string | null, custom = tuning): LlmClient => {
    if (custom !== tuning) return createLlmClient({ baseUrl, apiKey }, custom);
    const cacheKey = `${baseUrl}\u0000${apiKey ?? ''}`;
    let client = clients.get(cacheKey);
    if (!client) {
      if (clients.size > 16) clients.clear();
      clients.set(cacheKey, (client = createLlmClient({ baseUrl, apiKey }, tuning)));
    }
    return client;
  };

  const keyFor = (caller: LlmCaller, slot: LlmSlot) => deps.secrets.reveal(caller.profileId, KEY_OF[slot], caller.secretsKey);

  const routes = async (caller: LlmCaller, purpose: LlmPurpose): Promise<Route[]> => {
    const config = store.read(caller.profileId);
    const found: Route[] = [];
    for (const slot of ['primary', 'fallback'] as const) {
      const provider = config[slot];
      if (!provider) continue;
      const model = purpose === 'conversation' ? provider.conversationModel : provider.analysisModel;
      found.push({ slot, model, client: clientFor(provider.baseUrl, await keyFor(caller, slot)) });
    }
    return found;
  };

  const remember = (profileId: string, problem: LlmProblem | null) => {
    health.set(profileId, { online: problem === null, problem, checkedAt: deps.now() });
  };

  const view = (profileId: string, config: StoredConfig, keys: Record<LlmSlot, boolean>): LlmConfig => {
    const show = (slot: LlmSlot, p: StoredProvider | null) => (p ? { ...p, hasKey: keys[slot] } : null);
    return { primary: show('primary', config.primary), fallback: show('fallback', config.fallback), lockedByPolicy: policyProvider(deps.policy)?.locked ?? false };
  };

  const keyStatus = async (profileId: string): Promise<Record<LlmSlot, boolean>> => {
    const status = new Map((await deps.secrets.status(profileId)).map((s) => [s.name, s.isSet]));
    return { primary: status.get(KEY_OF.primary) ?? false, fallback: status.get(KEY_OF.fallback) ?? false };
  };

  return {
    tuning,

    async getConfig(profileId: string): Promise<LlmConfig> {
      return view(profileId, store.read(profileId), await keyStatus(profileId));
    },

    async saveConfig(caller: LlmCaller, input: { primary: LlmProviderInput | null; fallback: LlmProviderInput | null }): Promise<LlmConfig> {
      const locked = policyProvider(deps.policy);
      const current = store.read(caller.profileId);
      const strip = (p: LlmProviderInput | null): StoredProvider | null =>
        p ? { kind: p.kind, baseUrl: p.baseUrl, conversationModel: p.conversationModel, analysisModel: p.analysisModel } : null;
      const next: StoredConfig = { primary: strip(input.primary), fallback: strip(input.fallback) };
      if (locked?.locked && !sameServer(next.primary, current.primary)) {
        throw new ContractError('FORBIDDEN', 'This computer’s policy sets the model server; only the API key can be changed.');
      }
      for (const slot of ['primary', 'fallback'] as const) {
        const provider = input[slot];
        // A stored key only ever goes to the server it was given for: moving to another origin without a new key drops it.
        const movedAway = provider?.apiKey === undefined && current[slot] !== null && !sameOrigin(provider?.baseUrl, current[slot]?.baseUrl);
        if (!provider || provider.apiKey === null || movedAway) await deps.secrets.clear(caller.profileId, KEY_OF[slot]);
        else if (typeof provider.apiKey === 'string') await deps.secrets.set(caller.profileId, KEY_OF[slot], provider.apiKey, caller.secretsKey);
      }
      store.write(caller.profileId, locked?.locked ? { ...next, primary: current.primary } : next);
      health.delete(caller.profileId);
      clients.clear();
      return this.getConfig(caller.profileId);
    },

    async testConnection(caller: LlmCaller, slot: LlmSlot, unsaved?: LlmProviderInput) {
      const provider = unsaved ?? store.read(caller.profileId)[slot];
      const started = deps.now();
      const result = (problem: LlmProblem | null, models: string[] = []) => ({
        ok: problem === null,
        models,
        conversationModelFound: provider && models.length ? models.includes(provider.conversationModel) : null,
        analysisModelFound: provider && models.length ? models.includes(provider.analysisModel) : null,
        latencyMs: Math.max(0, Math.round(deps.now() - started)),
        problem,
      });
      if (!provider) return result(problemOf(new LlmError('not_configured')));
      const saved = store.read(caller.profileId)[slot];
      const storedKeyFits = !unsaved || sameOrigin(unsaved.baseUrl, saved?.baseUrl);
      const apiKey = unsaved && unsaved.apiKey !== undefined ? unsaved.apiKey : storedKeyFits ? await keyFor(caller, slot) : null;
      const quick = { ...tuning, maxAttempts: 1, requestTimeoutMs: Math.min(tuning.requestTimeoutMs, 10_000) };
      try {
        const models = await clientFor(provider.baseUrl, apiKey, quick).listModels();
        const missing = models.length > 0 && (!models.includes(provider.conversationModel) || !models.includes(provider.analysisModel));
        return result(missing ? problemOf(new LlmError('unknown_model')) : null, models);
      } catch (error) {
        return result(problemOf(classifyLlmError(error), provider.baseUrl));
      }
    },

    detectLocal: () => detectLocalServers(deps.llmOptions?.localServers ?? LOCAL_SERVERS),

    async status(caller: LlmCaller, refresh: boolean) {
      const config = store.read(caller.profileId);
      const configured = config.primary !== null || config.fallback !== null;
      if (!configured) return { configured, online: false, problem: problemOf(new LlmError('not_configured')), checkedAt: null };
      if (refresh) {
        const quick = { ...tuning, maxAttempts: 1, requestTimeoutMs: STATUS_TIMEOUT_MS };
        let problem: LlmProblem | null = null;
        for (const slot of ['primary', 'fallback'] as const) {
          const provider = config[slot];
          if (!provider) continue;
          try {
            await clientFor(provider.baseUrl, await keyFor(caller, slot), quick).listModels();
            problem = null;
            break;
          } catch (error) {
            problem = problemOf(classifyLlmError(error));
          }
        }
        remember(caller.profileId, problem);
      }
      const known = health.get(caller.profileId);
      return { configured, online: known?.online ?? null, problem: known?.problem ?? null, checkedAt: known?.checkedAt ?? null };
    },

    isConfigured(profileId: string): boolean {
      const config = store.read(profileId);
      return config.primary !== null || config.fallback !== null;
    },

    /**
     * Streams a reply from the first provider that answers. A provider that fails before any text moves on to
     * the fallback; once text has reached the learner the reply stays with that provider (no duplicate text).
     */
    async stream(caller: LlmCaller, purpose: LlmPurpose, request: { messages: ChatMessage[]; signal: AbortSignal; onDelta: (t: string) => void; maxTokens?: number }): Promise<StreamResult> {
      const available = await routes(caller, purpose);
      if (!available.length) throw new LlmError('not_configured');
      let last: StreamResult | null = null;
      for (const route of available) {
        last = await route.client.stream({ ...request, model: route.model });
        if (last.status !== 'error' || last.stopped) break;
      }
      const outcome = last!;
      if (!outcome.stopped) remember(caller.profileId, outcome.status === 'error' && outcome.error ? problemOf(outcome.error) : null);
      return outcome;
    },

    /** A short call (analysis, translation, summary) with the same fallback. Throws LlmError. */
    async complete(caller: LlmCaller, purpose: LlmPurpose, request: Omit<CompleteRequest, 'model'>): Promise<string> {
      const available = await routes(caller, purpose);
      if (!available.length) throw new LlmError('not_configured');
      let failure: LlmError = new LlmError('server_down');
      for (const route of available) {
        try {
          const text = await route.client.complete({ ...request, model: route.model });
          remember(caller.profileId, null);
          return text;
        } catch (error) {
          if (request.signal?.aborted) throw error;
          failure = classifyLlmError(error);
        }
      }
      remember(caller.profileId, problemOf(failure));
      throw failure;
    },
  };
}

function sameOrigin(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function sameServer(a: StoredProvider | null, b: StoredProvider | null): boolean {
  return a?.baseUrl === b?.baseUrl && a?.kind === b?.kind && a?.conversationModel === b?.conversationModel && a?.analysisModel === b?.analysisModel;
}

/** The problem in plain words, with a hint when a base URL probably lacks its `/v1`. */
export function problemOf(error: LlmError, baseUrl?: string): LlmProblem {
  const hint = error.problem === 'not_compatible' && baseUrl && !/\/v1\/?$/.test(baseUrl) ? ' Most servers expect the address to end in /v1.' : '';
  const message = error.message && error.message !== PROBLEM_MESSAGES[error.problem] ? error.message : PROBLEM_MESSAGES[error.problem];
  return { code: error.problem, message: message + hint };
}
