import type { llmContract } from '../../src-shared/contract/llm';
import type { HandlerContext, HandlersFor } from './types';

const callerOf = ({ profileId, session }: HandlerContext) => ({ profileId, secretsKey: session.secretsKey });

export const llmHandlers: HandlersFor<typeof llmContract> = {
  'llm:getConfig': async (_input, { services, profileId }) => ({ config: await services.llm.getConfig(profileId) }),
  'llm:saveConfig': async (input, ctx) => ({ config: await ctx.services.llm.saveConfig(callerOf(ctx), input) }),
  'llm:testConnection': ({ slot, provider }, ctx) => ctx.services.llm.testConnection(callerOf(ctx), slot, provider),
  'llm:detectLocal': async (_input, { services }) => ({ found: await services.llm.detectLocal() }),
  'llm:status': ({ refresh }, ctx) => ctx.services.llm.status(callerOf(ctx), refresh),
};
