import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';

/**
 * Saves the learner's Parley window as a PDF (Chromium's printToPDF, so the page's print stylesheet applies) where
 * they choose, offering their Downloads folder. Null when there is no window or they cancel.
 */
export async function saveWindowAsPdf(fileName: string): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window) return null;
  const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
  const choice = await dialog.showSaveDialog(window, {
    defaultPath: path.join(app.getPath('downloads'), path.basename(fileName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, pdf);
  return choice.filePath;
}
