/**
 * Child process for `review.rss_mb`: opens the core on a big profile's data folder as the app would, builds the
 * day's queue, and prints the process's resident memory as JSON. A fresh process, so the figure holds only the
 * core with the profile open, not whatever the fixture's build left behind.
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../src-main/core';
import { createMemoryKeyStore } from '../../src-main/providers/keystore';

const [dataDir, profileId, migrationsDir, resourcesDir] = process.argv.slice(2);
if (!dataDir || !profileId || !migrationsDir || !resourcesDir)
  throw new Error('usage: review-rss-probe <dataDir> <profileId> <migrationsDir> <resourcesDir>');

const core = await createCore({
  dataDir,
  keystore: createMemoryKeyStore(),
  migrationsDir,
  resourcesDir,
  shell: 'test',
  validateOutput: false,
  logLevel: 'warn',
});
const sessionId = core.openSession();
const signedIn = await core.dispatch('profiles:signIn', { profileId }, sessionId);
if (!signedIn.ok) throw new Error(signedIn.error.message);
const next = await core.dispatch('review:next', { deckId: null }, sessionId);
if (!next.ok) throw new Error(next.error.message);
writeSync(
  1,
  `${JSON.stringify({ rssMb: process.memoryUsage().rss / 1024 / 1024, counts: (next.value as { counts: unknown }).counts })}\n`,
);
await core.close();
