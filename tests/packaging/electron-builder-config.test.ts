import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';
import { GITHUB_FEED } from '../../src-main/updates/update-plan';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder and has no types of its own here.
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Configuration &
  Record<string, unknown>;

type Section = Record<string, unknown> & { target?: unknown };
const section = (name: string) => (config[name] ?? {}) as Section;
const targetsOf = (name: string) =>
  (section(name).target as unknown[]).map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));

/** Whether electron-builder's own matcher, fed these patterns, takes a file (a path inside the app folder). */
function matches(patterns: string[], file: string): boolean {
  const app = path.join(root, 'packaging-test-app');
  const filter = new FileMatcher(app, app, (pattern) => pattern, patterns).createFilter();
  return filter(path.join(app, file), { isDirectory: () => false } as never) === true;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(
      validateConfiguration(config, { isEnabled: false, add: () => undefined } as never),
    ).resolves.toBeUndefined();
  });

  it('names the app and its icons, which exist at 512 and 256 pixels', () => {
    expect(config.appId).toBe('org.parley.app');
    expect(config.productName).toBe('Parley');
    const pngSize = (file: string) => {
      const bytes = readFileSync(path.join(root, file));
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    expect(pngSize(config.icon as string)).toEqual([512, 512]);
    expect(section('linux').icon).toBe('resources/icons');
    expect(pngSize('resources/icons/256x256.png')).toEqual([256, 256]);
    expect(existsSync(path.join(root, 'resources/icon.svg'))).toBe(true);
  });

  it('builds AppImage and deb, NSIS and MSI, dmg and zip', () => {
    expect(targetsOf('linux')).toEqual(['AppImage', 'deb']);
    expect(targetsOf('win')).toEqual(['nsis', 'msi']);
    expect(targetsOf('mac')).toEqual(['dmg', 'zip']);
  });

  it('lets the NSIS installer install per machine, and makes the MSI per machine for group policy', () => {
    expect(section('nsis')).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(section('msi')).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(section('msi').upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('packs only the built app, with migrations and starter decks beside it', () => {
    const files = config.files as string[];
    expect(matches(files, 'out/main/index.js')).toBe(true);
    expect(matches(files, 'out/renderer/index.html')).toBe(true);
    expect(matches(files, 'package.json')).toBe(true);
    for (const source of [
      'src-main/core.ts',
      'src-shared/contract/index.ts',
      'tests/core/profiles.test.ts',
      'db/schema.ts',
      'scripts/sign-update.ts',
      'out/main/index.js.map',
    ]) {
      expect(matches(files, source), source).toBe(false);
    }
    expect(config.extraResources).toEqual([
      { from: 'db/migrations', to: 'migrations' },
      { from: 'resources', to: 'resources', filter: ['decks/**'] },
    ]);
  });

  it.each([
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    'node_modules/better-sqlite3/lib/database.js',
    'node_modules/@livekit/rtc-node/dist/index.js',
    'node_modules/@livekit/rtc-node-linux-x64-gnu/rtc-node.linux-x64-gnu.node',
    'node_modules/@livekit/rtc-node-win32-x64-msvc/rtc-node.win32-x64-msvc.node',
    'node_modules/@open-spaced-repetition/binding-linux-x64-gnu/fsrs-binding.linux-x64-gnu.node',
  ])('unpacks %s from the asar archive', (file) => {
    expect(config.asar).toBe(true);
    expect(matches(config.asarUnpack as string[], file)).toBe(true);
  });

  it('keeps everything else inside the asar archive', () => {
    expect(matches(config.asarUnpack as string[], 'out/main/index.js')).toBe(false);
    expect(matches(config.asarUnpack as string[], 'node_modules/zod/index.js')).toBe(false);
  });

  it('rebuilds native modules for Electron, from prebuilt binaries', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('flips the fuses in an afterPack hook that exists', () => {
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(existsSync(path.join(root, config.afterPack as string))).toBe(true);
  });

  it('publishes to the GitHub repository the app updates from, with a generic server as the alternative', () => {
    const publish = config.publish as Record<string, unknown>[];
    expect(publish[0]).toMatchObject(GITHUB_FEED);
    expect(publish.map((p) => p.provider)).toEqual(['github', 'generic']);
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });

  it('leaves electron-updater’s code-signature checks on', () => {
    expect(section('win').verifyUpdateCodeSignature).not.toBe(false);
    expect(config.forceCodeSigning).not.toBe(false);
  });
});

describe('npm run dist', () => {
  it('builds with this configuration and never publishes by itself', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.dist).toBe('electron-vite build && electron-builder --config electron-builder.yml --publish never');
    expect(scripts['sign-update']).toBe('node --import tsx scripts/sign-update.ts');
  });
});
