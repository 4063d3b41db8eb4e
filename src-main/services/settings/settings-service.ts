import { and, eq, isNull } from 'drizzle-orm';
import type { Mutator } from '../../../db/mutate';
import type { Db } from '../../../db/open';
import { appSettings, profileSettings } from '../../../db/schema';
import {
  appSettingsSchema,
  profileSettingsSchema,
  type AppSettings,
  type ProfileSettings,
  type ProfileSettingsPatch,
} from '../../../src-shared/domain/settings';
import type { PolicyService } from '../policy/policy-service';

interface Deps {
  db: Db;
  mutator: Mutator;
  policy: PolicyService;
}

export type SettingsService = ReturnType<typeof createSettingsService>;

/**
 * Settings are stored one key per row. A stored value this version cannot read (written by another version, say)
 * falls back to its default instead of breaking the whole settings page. The machine policy sits over both: its
 * presets under the stored values, its locked values over them, and writes to locked settings refused.
 */
export function createSettingsService({ db, mutator, policy }: Deps) {
  const profileRows = (profileId: string) =>
    db
      .select()
      .from(profileSettings)
      .where(and(eq(profileSettings.profileId, profileId), isNull(profileSettings.deletedAt)))
      .all();

  return {
    get(profileId: string): ProfileSettings {
      return policy.enforce(withDefaults(profileSettingsSchema, [...policy.presetRows(), ...profileRows(profileId)]));
    },

    update(profileId: string, requested: ProfileSettingsPatch): ProfileSettings {
      const patch = policy.checkPatch(requested);
      const existing = new Map(profileRows(profileId).map((row) => [row.key, row]));
      db.$client.transaction(() => {
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) continue;
          const row = existing.get(key);
          if (row) mutator.update(profileSettings, profileId, row.id, { key, value });
          else mutator.insert(profileSettings, profileId, { id: `${profileId}/${key}`, profileId, key, value });
        }
      })();
      return this.get(profileId);
    },

    getApp(): AppSettings {
      const rows = db.select().from(appSettings).all().map((r) => ({ key: r.key, value: safeJson(r.value) }));
      return policy.enforce(withDefaults(appSettingsSchema, [...policy.presetRows(), ...rows]));
    },

    updateApp(requested: Partial<AppSettings>): AppSettings {
      const patch = policy.checkPatch(requested);
      db.$client.transaction(() => {
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) continue;
          const text = JSON.stringify(value);
          db.insert(appSettings).values({ key, value: text }).onConflictDoUpdate({ target: appSettings.key, set: { value: text } }).run();
        }
      })();
      return this.getApp();
    },
  };
}

type ObjectSchema<T> = { shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>; parse(v: unknown): T };

function withDefaults<T>(schema: ObjectSchema<T>, rows: { key: string; value: unknown }[]): T {
  const values: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    const field = Object.prototype.hasOwnProperty.call(schema.shape, key) ? schema.shape[key] : undefined;
    const parsed = field?.safeParse(value);
    if (parsed?.success) values[key] = parsed.data;
  }
  return schema.parse(values);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
