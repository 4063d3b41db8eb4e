import { z } from 'zod';
import type { Db } from '../../../db/open';
import { llmSettings } from '../../../db/schema';
import { llmProviderKind, type LlmProviderKind } from '../../../src-shared/domain/tutor-llm';
import type { PolicyService } from '../policy/policy-service';

/** A provider as stored in `llm_settings` (no key: keys live in the key store). */
export const storedProvider = z.object({
  kind: llmProviderKind,
  baseUrl: z.string().min(1).max(2048),
  conversationModel: z.string().min(1).max(200),
  analysisModel: z.string().min(1).max(200),
});
export type StoredProvider = z.infer<typeof storedProvider>;

const storedConfig = z.object({ primary: storedProvider.nullable().catch(null), fallback: storedProvider.nullable().catch(null) });
export type StoredConfig = z.infer<typeof storedConfig>;

const EMPTY: StoredConfig = { primary: null, fallback: null };

/** The policy's server when it locks one: what the primary provider must be. */
export function policyProvider(policy: PolicyService): { provider: StoredProvider; locked: boolean } | null {
  const llm = policy.view().policy.llm;
  if (!llm?.baseUrl) return null;
  const kind: LlmProviderKind = llm.provider ?? 'openai-compatible';
  const model = llm.model ?? '';
  return { provider: { kind, baseUrl: llm.baseUrl, conversationModel: model, analysisModel: model }, locked: llm.locked };
}

export function createLlmConfigStore(db: Db, policy: PolicyService, now: () => number) {
  // Read before every model call: a prepared statement.
  const readStmt = db.$client.prepare('SELECT config FROM llm_settings WHERE profile_id = ?').pluck();
  return {
    /** The saved providers with the policy applied: a locked policy server replaces the primary. */
    read(profileId: string): StoredConfig {
      const json = readStmt.get(profileId) as string | undefined;
      const parsed = json ? storedConfig.safeParse(safeJson(json)) : null;
      const saved = parsed?.success ? parsed.data : EMPTY;
      const fromPolicy = policyProvider(policy);
      if (fromPolicy?.locked) return { ...saved, primary: lockedPrimary(fromPolicy.provider, saved.primary) };
      if (!saved.primary && fromPolicy) return { ...saved, primary: fromPolicy.provider.conversationModel ? fromPolicy.provider : null };
      return saved;
    },

    write(profileId: string, config: StoredConfig): void {
      const value = { primary: config.primary, fallback: config.fallback };
      db.insert(llmSettings)
        .values({ profileId, config: value, updatedAt: now() })
        .onConflictDoUpdate({ target: llmSettings.profileId, set: { config: value, updatedAt: now() } })
        .run();
    },
  };
}

/** A locked policy fixes server and model; a policy without a model leaves the learner's model choice. */
function lockedPrimary(policyServer: StoredProvider, saved: StoredProvider | null): StoredProvider {
  if (policyServer.conversationModel) return policyServer;
  const fallbackModel = saved?.conversationModel ?? 'default';
  return { ...policyServer, conversationModel: fallbackModel, analysisModel: saved?.analysisModel ?? fallbackModel };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
