import type { AppUpdater } from 'electron-updater';
import type { MachinePolicy, UpdateChannel } from '../../src-shared/domain/policy';
import type { AppSettings } from '../../src-shared/domain/settings';

export type FeedOptions = Exclude<Parameters<AppUpdater['setFeedURL']>[0], string>;

/** GitHub releases: the default feed. electron-builder.yml publishes to the same repository (a test checks). */
export const GITHUB_FEED = { provider: 'github', owner: 'parley-app', repo: 'parley' } as const;

export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

export type UpdatePlan =
  { enabled: false; reason: 'policy' | 'settings' } | { enabled: true; feed: FeedOptions; channel: UpdateChannel };

export type UpdateSettings = Pick<AppSettings, 'updatesEnabled' | 'updateChannel' | 'updateFeedUrl'>;

/**
 * What the updater should do. The policy wins over the app settings; the settings are passed in already read with
 * the policy applied, but when the database cannot be opened they are the defaults, so the policy is applied here too.
 */
export function planUpdates(policy: MachinePolicy, settings: UpdateSettings): UpdatePlan {
  const enabled = policy.updates?.enabled ?? settings.updatesEnabled;
  if (!enabled) return { enabled: false, reason: policy.updates?.enabled === false ? 'policy' : 'settings' };
  const feedUrl = policy.updates?.feedUrl ?? settings.updateFeedUrl;
  const feed: FeedOptions = feedUrl ? { provider: 'generic', url: feedUrl } : { ...GITHUB_FEED };
  return { enabled: true, feed, channel: policy.updates?.channel ?? settings.updateChannel };
}

/**
 * Background download, install when the app quits, no web installer (a full installer is what gets signed). Setting
 * a channel makes electron-updater allow downgrades; a learner leaving beta waits for stable to catch up instead.
 */
export function configureUpdater(updater: AppUpdater, plan: Extract<UpdatePlan, { enabled: true }>): void {
  updater.setFeedURL(plan.feed);
  updater.channel = plan.channel === 'beta' ? 'beta' : 'latest';
  updater.allowPrerelease = plan.channel === 'beta';
  updater.allowDowngrade = false;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.disableWebInstaller = true;
}
