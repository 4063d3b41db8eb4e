/**
 * The Content-Security-Policy of every page Parley serves, in both shells. Scripts and styles come only from the
 * app itself: no `unsafe-eval`, no `unsafe-inline`, so an injected string can never become code. Images and
 * media may also be `blob:`/`data:` URLs because recorded and synthesised speech is played from memory.
 * `'wasm-unsafe-eval'` lets the app compile its own WebAssembly (onnxruntime-web for the voice activity detector,
 * served from the app like every script); it does not allow `eval` of strings.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
