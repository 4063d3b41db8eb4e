/**
 * Child process for the import crash test: signs in to the profile in `dataDir`, starts a committing CSV import
 * into a new deck and prints `writing` once the worker has written rows. The parent then kills it with SIGKILL.
 */
import { writeSync } from 'node:fs';
import type { EventPayload } from '../../src-shared/contract';
import { caller, makeCore } from './test-core';

const [dataDir, csvFile] = process.argv.slice(2);
if (!dataDir || !csvFile) throw new Error('usage: import-kill-child <dataDir> <csvFile>');

const core = await makeCore({ dataDir, logLevel: 'warn' });
const c = caller(core);
const profile = (await c.call('profiles:list', {})).profiles[0]!;
await c.call('profiles:signIn', { profileId: profile.id });
core.events.subscribe((event) => {
  const progress = event.payload as EventPayload<'jobs:progress'>;
  if (event.name === 'jobs:progress' && progress.phase === 'reading' && progress.done > 1_000_000) writeSync(1, 'writing\n');
});
const fileId = core.internals().services.imports.files.registerPath(csvFile, profile.id).fileId;
await c.call('import:csvStart', {
  fileId,
  target: { kind: 'newDeck', name: 'Killed' },
  mapping: { term: 0, translation: 1, example: 2, exampleTranslation: 3, partOfSpeech: 4, gender: 5, ipa: 6, tags: 7 },
  duplicates: 'skip',
  commit: true,
});
