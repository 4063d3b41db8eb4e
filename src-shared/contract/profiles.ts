import { z } from 'zod';
import { defineContract } from './define';
import { cefrLevel, languageCode, learningGoal } from '../domain/languages';
import { id, label, password } from '../domain/text';

export const profileSummary = z.object({
  id,
  displayName: z.string(),
  nativeLanguage: languageCode,
  targetLanguage: languageCode,
  level: cefrLevel,
  isAdmin: z.boolean(),
  hasPassword: z.boolean(),
});
export type ProfileSummary = z.infer<typeof profileSummary>;

export const profile = profileSummary.extend({
  goals: z.array(learningGoal),
  interests: z.array(z.string()),
  createdAt: z.number().int(),
});
export type Profile = z.infer<typeof profile>;

const interests = z.array(label(40)).max(20);
const goals = z.array(learningGoal).max(learningGoal.options.length);

const profileFields = z.strictObject({
  displayName: label(60),
  nativeLanguage: languageCode,
  targetLanguage: languageCode,
  level: cefrLevel,
  goals: goals.default([]),
  interests: interests.default([]),
});

const languagesDiffer = (p: { nativeLanguage?: string; targetLanguage?: string }) =>
  p.nativeLanguage === undefined || p.nativeLanguage !== p.targetLanguage;
const languagesMessage = { message: 'The target language must differ from the native language', path: ['targetLanguage'] };

export const profilesList = defineContract({
  channel: 'profiles:list',
  access: 'public',
  input: z.strictObject({}),
  output: z.object({ profiles: z.array(profileSummary), canCreate: z.boolean() }),
});

export const profilesCurrent = defineContract({
  channel: 'profiles:current',
  access: 'public',
  input: z.strictObject({}),
  output: z.object({ profile: profile.nullable() }),
});

export const profilesCreate = defineContract({
  channel: 'profiles:create',
  access: 'public',
  input: profileFields
    .extend({
      password: password.optional(),
      /** Only honoured for the very first profile on this machine. */
      makeAdmin: z.boolean().default(false),
    })
    .refine(languagesDiffer, languagesMessage),
  output: z.object({ profile, signedIn: z.boolean() }),
  invalidates: ['profiles:list', 'profiles:current', 'settings:get'],
});

export const profilesSignIn = defineContract({
  channel: 'profiles:signIn',
  access: 'public',
  input: z.strictObject({ profileId: id, password: z.string().max(256).optional() }),
  output: z.object({ profile }),
  invalidates: ['profiles:current', 'settings:get', 'secrets:status'],
});

export const profilesSignOut = defineContract({
  channel: 'profiles:signOut',
  access: 'public',
  input: z.strictObject({}),
  output: z.object({}),
  invalidates: ['profiles:current', 'settings:get', 'secrets:status'],
});

export const profilesUpdate = defineContract({
  channel: 'profiles:update',
  input: profileFields.partial().refine(languagesDiffer, languagesMessage),
  output: z.object({ profile }),
  invalidates: ['profiles:list', 'profiles:current'],
});

export const profilesSetPassword = defineContract({
  channel: 'profiles:setPassword',
  input: z.strictObject({
    currentPassword: z.string().max(256).optional(),
    newPassword: password.nullable(),
  }),
  output: z.object({ profile }),
  invalidates: ['profiles:list', 'profiles:current'],
});

export const profilesDelete = defineContract({
  channel: 'profiles:delete',
  input: z.strictObject({
    profileId: id,
    /** The profile's display name, typed by the person deleting it. */
    confirmation: z.string().max(240),
  }),
  output: z.object({ deletedRows: z.number().int() }),
  invalidates: ['profiles:list', 'profiles:current'],
});

export const profilesAdminCreate = defineContract({
  channel: 'profiles:adminCreate',
  access: 'admin',
  input: profileFields.extend({ password: password.optional() }).refine(languagesDiffer, languagesMessage),
  output: z.object({ profile }),
  invalidates: ['profiles:list'],
});

export const profilesAdminResetPassword = defineContract({
  channel: 'profiles:adminResetPassword',
  access: 'admin',
  input: z.strictObject({ profileId: id, newPassword: password.nullable() }),
  output: z.object({ profile: profileSummary }),
  invalidates: ['profiles:list'],
});

export const profilesContract = [
  profilesList,
  profilesCurrent,
  profilesCreate,
  profilesSignIn,
  profilesSignOut,
  profilesUpdate,
  profilesSetPassword,
  profilesDelete,
  profilesAdminCreate,
  profilesAdminResetPassword,
] as const;
