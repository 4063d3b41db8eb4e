import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSignatureGate, fetchSignatureSource } from '../../src-main/updates/signature-gate';
import { signUpdate } from '../../src-main/updates/signature';
import { planUpdates } from '../../src-main/updates/update-plan';
import { createUpdateCheck } from '../../src-main/updates/update-schedule';
import { VerifyingAppImageUpdater } from '../../src-main/updates/verifying-updaters';
import { appSettingsSchema } from '../../src-shared/domain/settings';
import { removeDir, tempDir } from '../support/test-core';
import { sha512Base64, startFeedServer, type FeedRelease } from './feed-server';
import { NodeHttpExecutor } from './node-http-executor';

/**
 * The whole update path against a generic feed on 127.0.0.1, with electron-updater's own AppImage updater: its
 * GenericProvider reads latest-linux.yml, its downloader checks the sha512, then Parley's signature gate decides.
 * Only Electron itself is replaced: the app (an AppAdapter), the HTTP client (Node's instead of `net`) and the
 * final step that would replace the AppImage on disk (recorded instead).
 */

const pem = (type: 'spki' | 'pkcs8', key: { export(o: object): string | Buffer }) =>
  key.export({ type, format: 'pem' }).toString();
const releaseKey = generateKeyPairSync('ed25519');
const otherKey = generateKeyPairSync('ed25519');
const RELEASE_PRIVATE = pem('pkcs8', releaseKey.privateKey);
const RELEASE_PUBLIC = pem('spki', releaseKey.publicKey);
const OTHER_PRIVATE = pem('pkcs8', otherKey.privateKey);

const installer = Buffer.alloc(256 * 1024);
for (let i = 0; i < installer.length; i += 1) installer[i] = (i * 31 + 7) % 251;
const flipped = Buffer.from(installer);
flipped[100_000] = (flipped[100_000] ?? 0) ^ 0x01;

class TestUpdater extends VerifyingAppImageUpdater {
  readonly installed: string[] = [];
  protected override doInstall(): boolean {
    this.installed.push(this.installerPath ?? '');
    return true;
  }
}

let feed: Awaited<ReturnType<typeof startFeedServer>>;
const dirs: string[] = [];
beforeAll(async () => {
  feed = await startFeedServer();
});
afterAll(async () => {
  await feed.close();
  dirs.forEach(removeDir);
});
afterEach(() => vi.unstubAllEnvs());

function appAdapter(dir: string, quitHandlers: ((exitCode: number) => void)[]): AppAdapter {
  const appUpdateConfigPath = path.join(dir, 'app-update.yml');
  writeFileSync(appUpdateConfigPath, `provider: generic\nurl: ${feed.url}\nupdaterCacheDirName: parley-updater\n`);
  return {
    version: '1.0.0',
    name: 'Parley',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: dir,
    baseCachePath: path.join(dir, 'cache'),
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: (handler) => void quitHandlers.push(handler),
  };
}

/** The folder where electron-updater keeps a downloaded update until it is installed. */
const pendingDir = (dir: string) => path.join(dir, 'cache', 'parley-updater', 'pending');

function newAppDir(): string {
  const dir = tempDir('parley-update-');
  dirs.push(dir);
  mkdirSync(path.join(dir, 'cache'));
  return dir;
}

/**
 * Publishes a release, then runs one scheduled check (which downloads in the background) in an app whose data is in
 * `dir` (a second run with the same dir is the app's next launch), and waits for the outcome.
 */
async function runUpdate(release: FeedRelease, dir = newAppDir()) {
  feed.publish(release);
  // The AppImage updater only runs inside an AppImage, which it knows by this variable.
  vi.stubEnv('APPIMAGE', path.join(dir, 'Parley-1.0.0.AppImage'));
  const quitHandlers: ((exitCode: number) => void)[] = [];
  const gate = createSignatureGate(RELEASE_PUBLIC, fetchSignatureSource(fetch));
  const updater = new TestUpdater(gate, appAdapter(dir, quitHandlers));
  (updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
  updater.logger = null;
  updater.disableDifferentialDownload = true;
  const downloaded: string[] = [];
  const errors: string[] = [];
  updater.on('update-downloaded', (event) => downloaded.push(event.downloadedFile));
  updater.on('error', (error) => errors.push(error.message));

  const settings = appSettingsSchema.parse({ updateFeedUrl: feed.url });
  const check = createUpdateCheck(updater, async () => planUpdates({}, settings));
  const outcome = await check().then(
    () => 'downloaded',
    (error: Error) => error.message,
  );
  // The announcement follows a signature check off the main thread, a moment after the download settles.
  await vi.waitFor(() => expect(downloaded.length + errors.length).toBeGreaterThan(0));
  const quit = () => quitHandlers.forEach((handler) => handler(0));
  return { dir, updater, outcome, downloaded, errors, quit };
}

const release = (overrides: Partial<FeedRelease> = {}): FeedRelease => ({
  version: '1.1.0',
  fileName: 'Parley-1.1.0-x86_64.AppImage',
  bytes: installer,
  signature: signUpdate(installer, RELEASE_PRIVATE),
  ...overrides,
});

describe('an update from the feed', () => {
  it('is accepted when signed with the release key: downloaded, then installed when the app quits', async () => {
    const { updater, outcome, downloaded, errors, quit } = await runUpdate(release());
    expect(outcome).toBe('downloaded');
    expect(errors).toEqual([]);
    expect(feed.requests).toEqual(
      expect.arrayContaining([
        '/updates/latest-linux.yml',
        '/updates/Parley-1.1.0-x86_64.AppImage',
        '/updates/Parley-1.1.0-x86_64.AppImage.sig',
      ]),
    );
    expect(downloaded).toHaveLength(1);
    expect(updater.installed).toEqual([]);
    quit();
    expect(updater.installed).toEqual(downloaded);
  });

  it('is refused by the sha512 check when one byte is flipped in transit', async () => {
    const { updater, outcome, downloaded, quit } = await runUpdate(release({ bytes: flipped, listedBytes: installer }));
    expect(outcome).toMatch(/sha512 checksum mismatch/);
    expect(downloaded).toEqual([]);
    quit();
    expect(updater.installed).toEqual([]);
  });

  it('is refused by the signature when the server itself serves a changed file with a matching sha512', async () => {
    const { updater, outcome, downloaded, errors, quit } = await runUpdate(release({ bytes: flipped }));
    expect(outcome).toMatch(/not signed by Parley’s release key/);
    expect(errors.join('\n')).toMatch(/not signed by Parley’s release key/);
    expect(downloaded).toEqual([]);
    quit();
    expect(updater.installed).toEqual([]);
    expect(updater.install()).toBe(false);
  });

  it('is refused when signed by another key', async () => {
    const { updater, outcome, downloaded } = await runUpdate(
      release({ signature: signUpdate(installer, OTHER_PRIVATE) }),
    );
    expect(outcome).toMatch(/not signed by Parley’s release key/);
    expect(downloaded).toEqual([]);
    expect(updater.install()).toBe(false);
  });

  it('is refused, and the file deleted, when it has no signature', async () => {
    const { dir, updater, outcome, downloaded } = await runUpdate(release({ signature: undefined }));
    expect(outcome).toMatch(
      /has no signature at http:\/\/127\.0\.0\.1:\d+\/updates\/Parley-1\.1\.0-x86_64\.AppImage\.sig/,
    );
    expect(downloaded).toEqual([]);
    expect(readdirSync(pendingDir(dir)).filter((name) => name.includes('AppImage'))).toEqual([]);
    expect(updater.install()).toBe(false);
  });

  it('is not installed when the verified file is changed on disk before the app quits', async () => {
    const { updater, outcome, downloaded, errors, quit } = await runUpdate(release());
    expect(outcome).toBe('downloaded');
    const file = downloaded[0] ?? '';
    expect(existsSync(file)).toBe(true);
    writeFileSync(file, flipped);
    quit();
    expect(updater.installed).toEqual([]);
    expect(errors.join('\n')).toMatch(
      /does not verify against Parley’s release key \(changed on disk\?\); not installing it/,
    );
  });

  it('is installed at the next launch from the cache, still verified, without downloading it again', async () => {
    const first = await runUpdate(release());
    expect(first.outcome).toBe('downloaded');
    const next = await runUpdate(release(), first.dir);
    expect(next.outcome).toBe('downloaded');
    expect(feed.requests).toEqual(['/updates/latest-linux.yml']);
    expect(next.downloaded).toEqual(first.downloaded);
    next.quit();
    expect(next.updater.installed).toEqual(first.downloaded);
  });

  it('is refused and deleted at the next launch when the cached file was swapped for one the feed now lists', async () => {
    const first = await runUpdate(release());
    const file = first.downloaded[0] ?? '';
    // electron-updater re-hashes a cached file against the hash it noted and the feed's, so someone who can write
    // the cache and serve the feed must change all three for it to get this far: only the signature tells them apart.
    writeFileSync(file, flipped);
    const infoFile = path.join(pendingDir(first.dir), 'update-info.json');
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(infoFile, JSON.stringify({ ...info, sha512: sha512Base64(flipped) }));
    const next = await runUpdate(release({ bytes: flipped }), first.dir);
    expect(feed.requests).toEqual(['/updates/latest-linux.yml']);
    expect(next.downloaded).toEqual([]);
    expect(next.errors.join('\n')).toMatch(/does not verify against Parley’s release key; it was deleted/);
    expect(existsSync(file)).toBe(false);
    next.quit();
    expect(next.updater.installed).toEqual([]);
  });
});
