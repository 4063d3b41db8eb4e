import { z } from 'zod';
import { defineContract } from './define';
import { appSettingsPatch, appSettingsSchema, profileSettingsPatch, profileSettingsSchema } from '../domain/settings';

export const settingsGet = defineContract({
  channel: 'settings:get',
  input: z.strictObject({}),
  output: z.object({ settings: profileSettingsSchema }),
});

export const settingsUpdate = defineContract({
  channel: 'settings:update',
  input: z.strictObject({ patch: profileSettingsPatch }),
  output: z.object({ settings: profileSettingsSchema }),
  invalidates: ['settings:get'],
});

export const settingsGetApp = defineContract({
  channel: 'settings:getApp',
  access: 'public',
  input: z.strictObject({}),
  output: z.object({ settings: appSettingsSchema }),
});

export const settingsUpdateApp = defineContract({
  channel: 'settings:updateApp',
  access: 'admin',
  input: z.strictObject({ patch: appSettingsPatch }),
  output: z.object({ settings: appSettingsSchema }),
  invalidates: ['settings:getApp', 'profiles:list'],
});

export const settingsContract = [settingsGet, settingsUpdate, settingsGetApp, settingsUpdateApp] as const;
