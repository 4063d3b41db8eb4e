import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { rendererAudioAssets } from './scripts/renderer-audio-assets';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          web: resolve(root, 'src-main/web/cli.ts'),
          optimize: resolve(root, 'src-main/workers/optimize.ts'),
          'import-csv': resolve(root, 'src-main/workers/import-csv.ts'),
          'anki-import': resolve(root, 'src-main/workers/anki-import.ts'),
          'anki-export': resolve(root, 'src-main/workers/anki-export.ts'),
          'anki-inspect': resolve(root, 'src-main/workers/anki-inspect.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages, so everything it uses is bundled into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), rendererAudioAssets(root)],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
