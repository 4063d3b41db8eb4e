import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow } from './fake-electron';

/** The fake electron module, plus what saving a PDF needs: a save dialog, the focused window, printToPDF. */
const saveDialog = vi.fn();
vi.mock('electron', async () => {
  const fake = await import('./fake-electron');
  const dialog = { ...fake.dialog, showSaveDialog: saveDialog };
  return { ...fake, dialog, default: { ...fake.default, dialog } };
});

const { saveWindowAsPdf } = await import('../../src-main/electron/report-pdf');

const PDF = Buffer.from('%PDF-1.7 fake report');
const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function focusedWindow() {
  const window = new BrowserWindow({});
  const printToPDF = vi.fn(async () => PDF);
  Object.assign(window.webContents, { printToPDF });
  Object.assign(BrowserWindow, { getFocusedWindow: () => window });
  return { window, printToPDF };
}

describe('saving the weekly report as a PDF in the desktop shell', () => {
  beforeEach(() => saveDialog.mockReset());

  it('prints the focused window and writes the PDF where the learner chose, offering Downloads', async () => {
    const { window, printToPDF } = focusedWindow();
    const target = path.join(dir, 'week.pdf');
    saveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await saveWindowAsPdf('parley-week-2026-03-23.pdf')).toBe(target);
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ printBackground: true }));
    expect(saveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: path.join(app.getPath('downloads'), 'parley-week-2026-03-23.pdf') }),
    );
    expect(readFileSync(target)).toEqual(PDF);
  });

  it('writes nothing when the learner cancels, and offers no path outside Downloads', async () => {
    focusedWindow();
    saveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await saveWindowAsPdf('../../etc/report.pdf')).toBeNull();
    expect(saveDialog.mock.calls[0]![1].defaultPath).toBe(path.join(app.getPath('downloads'), 'report.pdf'));
    expect(existsSync(path.join(dir, 'report.pdf'))).toBe(false);
  });
});
