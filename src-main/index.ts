import path from 'node:path';
import { startElectronShell } from './electron/shell';

// Resolved from this entry, which electron-vite always emits as out/main/index.js, beside out/preload and out/renderer.
const outDir = path.resolve(import.meta.dirname, '..');

startElectronShell({
  preloadPath: path.join(outDir, 'preload', 'index.cjs'),
  rendererDir: path.join(outDir, 'renderer'),
});
