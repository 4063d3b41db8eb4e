import { z } from 'zod';
import { uiLanguage } from './languages';
import { httpUrl, updateChannel } from './policy';

/** A learner's own preferences. Every key has a default so a new profile needs no setup. */
const profileSettingFields = {
  uiLanguage: z.union([z.literal('auto'), uiLanguage]),
  theme: z.enum(['system', 'light', 'dark']),
  dailyGoalMinutes: z.number().int().min(5).max(240),
  reduceMotion: z.boolean(),
  speakTermsAloud: z.boolean(),
  /** IANA zone for the study day boundary; 'auto' follows the computer. */
  timeZone: z.string().min(1).max(64),
  /** Production cards are answered by typing. */
  typeAnswers: z.boolean(),
  /** Typed answers that differ only in accents count as right. */
  forgiveDiacritics: z.boolean(),
};

export const profileSettingsSchema = z.object({
  uiLanguage: profileSettingFields.uiLanguage.default('auto'),
  theme: profileSettingFields.theme.default('system'),
  dailyGoalMinutes: profileSettingFields.dailyGoalMinutes.default(15),
  reduceMotion: profileSettingFields.reduceMotion.default(false),
  speakTermsAloud: profileSettingFields.speakTermsAloud.default(true),
  timeZone: profileSettingFields.timeZone.default('auto'),
  typeAnswers: profileSettingFields.typeAnswers.default(false),
  forgiveDiacritics: profileSettingFields.forgiveDiacritics.default(false),
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;
/** A change to some settings: only the keys given are written. */
export const profileSettingsPatch = z.strictObject(profileSettingFields).partial();
export type ProfileSettingsPatch = z.infer<typeof profileSettingsPatch>;

/** Machine-wide settings, shared by every profile on this installation. */
const appSettingFields = {
  allowSelfServiceProfiles: z.boolean(),
  defaultUiLanguage: uiLanguage,
  updatesEnabled: z.boolean(),
  updateChannel,
  /** A generic update feed (a school server's `/updates/`); null means GitHub releases. */
  updateFeedUrl: httpUrl.nullable(),
};

export const appSettingsSchema = z.object({
  allowSelfServiceProfiles: appSettingFields.allowSelfServiceProfiles.default(true),
  defaultUiLanguage: appSettingFields.defaultUiLanguage.default('en'),
  updatesEnabled: appSettingFields.updatesEnabled.default(true),
  updateChannel: appSettingFields.updateChannel.default('stable'),
  updateFeedUrl: appSettingFields.updateFeedUrl.default(null),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;
export const appSettingsPatch = z.strictObject(appSettingFields).partial();
