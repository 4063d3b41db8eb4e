/**
 * Child process for the kill test: signs in to (or creates) a profile and commits profile updates as fast as it
 * can, printing `committed <n>` after each call returns. The parent kills it with SIGKILL at a random moment.
 */
import { writeSync } from 'node:fs';
import { makeCore, sampleProfile, caller } from './test-core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: kill-writer <dataDir> <firstNumber>');
const first = Number(process.argv[3] ?? 0);

const core = await makeCore({ dataDir, logLevel: 'warn' });
const c = caller(core);
const existing = (await c.call('profiles:list', {})).profiles[0];
if (existing) await c.call('profiles:signIn', { profileId: existing.id });
else await c.call('profiles:create', { ...sampleProfile, displayName: 'Writer' });
writeSync(1, 'ready\n');

for (let n = first; ; n += 1) {
  await c.call('profiles:update', { displayName: `Writer ${n}` });
  await c.call('settings:update', { patch: { dailyGoalMinutes: 5 + (n % 200) } });
  writeSync(1, `committed ${n}\n`);
}
