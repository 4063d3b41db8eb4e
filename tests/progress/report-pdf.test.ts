import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { caller, makeCore, sampleProfile } from '../support/test-core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('progress:saveReportPdf', () => {
  it('asks the desktop shell to save the window as a PDF', async () => {
    const asked: string[] = [];
    core = await makeCore({
      host: { openPath: async () => false, savePdf: async (name) => (asked.push(name), `/home/sam/Downloads/${name}`) },
    });
    const c = caller(core);
    await c.call('profiles:create', sampleProfile);
    expect(await c.call('progress:saveReportPdf', { fileName: 'parley-week-2026-03-23.pdf' })).toEqual({
      supported: true,
      path: '/home/sam/Downloads/parley-week-2026-03-23.pdf',
    });
    expect(asked).toEqual(['parley-week-2026-03-23.pdf']);
    expect(await c.raw('progress:saveReportPdf', { fileName: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('says when the shell cannot (the web shell prints from the page instead)', async () => {
    core = await makeCore();
    const c = caller(core);
    await c.call('profiles:create', sampleProfile);
    expect(await c.call('progress:saveReportPdf', { fileName: 'week.pdf' })).toEqual({ supported: false, path: null });
  });
});
