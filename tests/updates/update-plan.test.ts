import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import { appSettingsSchema } from '../../src-shared/domain/settings';
import {
  configureUpdater,
  GITHUB_FEED,
  planUpdates,
  UPDATE_CHECK_INTERVAL_MS,
} from '../../src-main/updates/update-plan';
import { scheduleUpdateChecks } from '../../src-main/updates/update-schedule';

const defaults = appSettingsSchema.parse({});
const SCHOOL_FEED = 'https://parley.school.example/updates/';

describe('the update plan', () => {
  it('follows GitHub releases on the stable channel by default', () => {
    expect(planUpdates({}, defaults)).toEqual({ enabled: true, feed: GITHUB_FEED, channel: 'stable' });
  });

  it('follows a generic feed and the beta channel when the admin chooses them', () => {
    const settings = { ...defaults, updateFeedUrl: SCHOOL_FEED, updateChannel: 'beta' as const };
    expect(planUpdates({}, settings)).toEqual({
      enabled: true,
      feed: { provider: 'generic', url: SCHOOL_FEED },
      channel: 'beta',
    });
  });

  it('puts the policy over the settings, even when the settings could not be read', () => {
    const policy = { updates: { feedUrl: SCHOOL_FEED, channel: 'stable' as const } };
    const settings = { ...defaults, updateFeedUrl: 'https://elsewhere.example/', updateChannel: 'beta' as const };
    expect(planUpdates(policy, settings)).toEqual({
      enabled: true,
      feed: { provider: 'generic', url: SCHOOL_FEED },
      channel: 'stable',
    });
    expect(planUpdates({ updates: { enabled: false } }, defaults)).toEqual({ enabled: false, reason: 'policy' });
    expect(planUpdates({ updates: { enabled: true } }, { ...defaults, updatesEnabled: false }).enabled).toBe(true);
  });

  it('is off when the admin turned updates off and the policy says nothing', () => {
    expect(planUpdates({}, { ...defaults, updatesEnabled: false })).toEqual({ enabled: false, reason: 'settings' });
  });
});

describe('configuring electron-updater', () => {
  const fakeUpdater = () => {
    const updater = { setFeedURL: vi.fn(), allowDowngrade: false } as unknown as AppUpdater & {
      setFeedURL: ReturnType<typeof vi.fn>;
    };
    // electron-updater's channel setter turns downgrades on; the fake does the same so the test can see it undone.
    let channel: string | null = null;
    Object.defineProperty(updater, 'channel', {
      get: () => channel,
      set: (value: string) => {
        channel = value;
        updater.allowDowngrade = true;
      },
    });
    return updater;
  };

  it('sets the feed, the channel, pre-releases for beta only, background download and install on quit', () => {
    const stable = fakeUpdater();
    configureUpdater(stable, { enabled: true, feed: GITHUB_FEED, channel: 'stable' });
    expect(stable.setFeedURL).toHaveBeenCalledWith(GITHUB_FEED);
    expect(stable).toMatchObject({
      channel: 'latest',
      allowPrerelease: false,
      allowDowngrade: false,
      autoDownload: true,
      autoInstallOnAppQuit: true,
      disableWebInstaller: true,
    });

    const beta = fakeUpdater();
    configureUpdater(beta, { enabled: true, feed: { provider: 'generic', url: SCHOOL_FEED }, channel: 'beta' });
    expect(beta).toMatchObject({ channel: 'beta', allowPrerelease: true, allowDowngrade: false });
  });
});

describe('the update schedule', () => {
  afterEach(() => vi.useRealTimers());

  it('checks at once and then every six hours, never two at a time, and reports failures without stopping', async () => {
    vi.useFakeTimers();
    let finish: () => void = () => undefined;
    const check = vi
      .fn<() => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(undefined);
    const failures: unknown[] = [];
    const stop = scheduleUpdateChecks(check, (error) => failures.push(error));

    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(check).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(check).toHaveBeenCalledTimes(2);
    expect(failures).toEqual([new Error('offline')]);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS - 1);
    expect(check).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(3);

    stop();
    await vi.advanceTimersByTimeAsync(10 * UPDATE_CHECK_INTERVAL_MS);
    expect(check).toHaveBeenCalledTimes(3);
  });
});
