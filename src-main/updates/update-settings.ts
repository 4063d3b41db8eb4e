import { appSettingsSchema } from '../../src-shared/domain/settings';
import type { Core } from '../core';
import type { UpdateSettings } from './update-plan';

export type SettingsReader = Pick<Core, 'dispatch'>;

/**
 * The app settings the updater follows, read through the contract like any other caller (so with the machine
 * policy applied); the defaults when the core cannot answer (its data could not be opened, say).
 */
export async function readUpdateSettings(core: SettingsReader, sessionId: string): Promise<UpdateSettings> {
  const envelope = await core.dispatch('settings:getApp', {}, sessionId);
  const settings = envelope.ok ? (envelope.value as { settings?: unknown }).settings : undefined;
  const parsed = appSettingsSchema.safeParse(settings ?? {});
  const { updatesEnabled, updateChannel, updateFeedUrl } = parsed.success ? parsed.data : appSettingsSchema.parse({});
  return { updatesEnabled, updateChannel, updateFeedUrl };
}
