import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The files voice practice loads at run time, served from the app itself (never fetched from outside): under
 * `vad/` the Silero VAD model and its AudioWorklet (@ricky0123/vad-web) and onnxruntime-web's wasm (the renderer
 * points vad-web's `baseAssetPath` and `onnxWASMBasePath` there); under `espeak/` the offline synthesiser
 * (@echogarden/espeak-ng-emscripten: the module with its wasm inside, and its voice data next to it).
 */

/** onnxruntime-web's exports hide its package.json, so packages are found in the repo's node_modules. */
function audioAssets(repoRoot: string): Record<string, string> {
  const vad = path.join(repoRoot, 'node_modules', '@ricky0123/vad-web', 'dist');
  const ort = path.join(repoRoot, 'node_modules', 'onnxruntime-web', 'dist');
  const espeak = path.join(repoRoot, 'node_modules', '@echogarden', 'espeak-ng-emscripten');
  return {
    'vad/vad.worklet.bundle.min.js': path.join(vad, 'vad.worklet.bundle.min.js'),
    'vad/silero_vad_v5.onnx': path.join(vad, 'silero_vad_v5.onnx'),
    'vad/ort-wasm-simd-threaded.wasm': path.join(ort, 'ort-wasm-simd-threaded.wasm'),
    'vad/ort-wasm-simd-threaded.mjs': path.join(ort, 'ort-wasm-simd-threaded.mjs'),
    'espeak/espeak-ng.js': path.join(espeak, 'espeak-ng.js'),
    'espeak/espeak-ng.data': path.join(espeak, 'espeak-ng.data'),
  };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.data': 'application/octet-stream',
};

/** Copies the audio assets into the renderer build, and serves them from node_modules in development. */
export function rendererAudioAssets(repoRoot: string): Plugin {
  return {
    name: 'parley-renderer-audio-assets',
    configureServer(server) {
      const files = audioAssets(repoRoot);
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        const file = files[url.replace(/^\//, '')];
        if (!file) return next();
        res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
        res.setHeader('content-length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(audioAssets(repoRoot))) {
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(file) });
      }
    },
  };
}
