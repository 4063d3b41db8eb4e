import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Profile, ProfileSummary } from '../../../src-shared/contract/profiles';
import type { CefrLevel, LanguageCode, LearningGoal } from '../../../src-shared/domain/languages';
import type { Mutator } from '../../../db/mutate';
import type { Db } from '../../../db/open';
import { profileCredentials, profiles } from '../../../db/schema';
import { countProfileRows } from '../../../db/profile-rows';
import { retryAfterMs } from './backoff';
import { derivePassword, verifyPassword, type ScryptCost } from './passwords';

export interface ProfileFields {
  displayName: string;
  nativeLanguage: LanguageCode;
  targetLanguage: LanguageCode;
  level: CefrLevel;
  goals: LearningGoal[];
  interests: string[];
}

export interface SignedIn {
  profile: Profile;
  secretsKey: Buffer | null;
}

interface Deps {
  db: Db;
  mutator: Mutator;
  now: () => number;
  scryptCost: ScryptCost;
}

type ProfileRow = typeof profiles.$inferSelect;

export type ProfilesService = ReturnType<typeof createProfilesService>;

export function createProfilesService({ db, mutator, now, scryptCost }: Deps) {
  const live = isNull(profiles.deletedAt);

  const passwordHashOf = (profileId: string) =>
    db.select().from(profileCredentials).where(eq(profileCredentials.profileId, profileId)).get();

  const toProfile = (row: ProfileRow): Profile => ({
    id: row.id,
    displayName: row.displayName,
    nativeLanguage: row.nativeLanguage as LanguageCode,
    targetLanguage: row.targetLanguage as LanguageCode,
    level: row.level as CefrLevel,
    goals: row.goals as LearningGoal[],
    interests: row.interests,
    isAdmin: row.isAdmin,
    hasPassword: Boolean(passwordHashOf(row.id)?.passwordHash),
    createdAt: row.createdAt,
  });

  const rowOf = (profileId: string): ProfileRow => {
    const row = db.select().from(profiles).where(and(eq(profiles.id, profileId), live)).get();
    if (!row) throw new ContractError('NOT_FOUND', 'That profile does not exist any more.');
    return row;
  };

  const storeCredentials = (profileId: string, passwordHash: string | null) => {
    db.insert(profileCredentials)
      .values({ profileId, passwordHash, failedAttempts: 0, lastFailureAt: null })
      .onConflictDoUpdate({
        target: profileCredentials.profileId,
        set: { passwordHash, failedAttempts: 0, lastFailureAt: null },
      })
      .run();
  };

  return {
    count(): number {
      return db.select({ n: count() }).from(profiles).where(live).get()?.n ?? 0;
    },

    list(): ProfileSummary[] {
      return db
        .select()
        .from(profiles)
        .where(live)
        .orderBy(asc(profiles.displayName))
        .all()
        .map(toProfile)
        .map(({ goals: _g, interests: _i, createdAt: _c, ...summary }) => summary);
    },

    get(profileId: string): Profile {
      return toProfile(rowOf(profileId));
    },

    isAdmin(profileId: string): boolean {
      return rowOf(profileId).isAdmin;
    },

    async create(fields: ProfileFields, options: { password?: string; isAdmin: boolean }): Promise<SignedIn> {
      const derived = options.password ? await derivePassword(options.password, scryptCost) : null;
      const id = uuidv7();
      db.$client.transaction(() => {
        mutator.insert(profiles, id, { id, ...fields, isAdmin: options.isAdmin, createdAt: now() });
        storeCredentials(id, derived?.hash ?? null);
      })();
      return { profile: this.get(id), secretsKey: derived?.secretsKey ?? null };
    },

    /** Checks the password, slowing down after repeated failures. Profiles without a password need none. */
    async verify(profileId: string, password: string | undefined): Promise<SignedIn> {
      const profile = this.get(profileId);
      const credentials = passwordHashOf(profileId);
      if (!credentials?.passwordHash) return { profile, secretsKey: null };
      const wait = retryAfterMs(credentials.failedAttempts, credentials.lastFailureAt, now());
      if (wait > 0) {
        throw new ContractError('RATE_LIMITED', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`, {
          retryAfterMs: wait,
        });
      }
      if (!password) throw new ContractError('WRONG_PASSWORD', 'This profile needs its password.');
      const secretsKey = await verifyPassword(password, credentials.passwordHash);
      if (!secretsKey) {
        db.update(profileCredentials)
          .set({ failedAttempts: credentials.failedAttempts + 1, lastFailureAt: now() })
          .where(eq(profileCredentials.profileId, profileId))
          .run();
        throw new ContractError('WRONG_PASSWORD', 'That password is not right. Check it and try again.');
      }
      db.update(profileCredentials)
        .set({ failedAttempts: 0, lastFailureAt: null })
        .where(eq(profileCredentials.profileId, profileId))
        .run();
      return { profile, secretsKey };
    },

    update(profileId: string, patch: Partial<ProfileFields>): Profile {
      const current = rowOf(profileId);
      const next = { ...current, ...patch };
      if (next.nativeLanguage === next.targetLanguage) {
        throw new ContractError('INVALID_INPUT', 'The target language must differ from the native language.');
      }
      if (Object.keys(patch).length > 0) mutator.update(profiles, profileId, profileId, patch);
      return this.get(profileId);
    },

    /** Sets or removes a password; returns the new secrets key (null without a password). */
    async setPassword(profileId: string, newPassword: string | null): Promise<Buffer | null> {
      rowOf(profileId);
      const derived = newPassword ? await derivePassword(newPassword, scryptCost) : null;
      storeCredentials(profileId, derived?.hash ?? null);
      return derived?.secretsKey ?? null;
    },

    /** Removes the profile and, through cascading keys, every row it owns. Returns how many rows went. */
    delete(profileId: string): number {
      rowOf(profileId);
      return db.$client.transaction(() => {
        const owned = countProfileRows(db.$client, profileId);
        db.delete(profiles).where(eq(profiles.id, profileId)).run();
        return owned;
      })();
    },
  };
}
