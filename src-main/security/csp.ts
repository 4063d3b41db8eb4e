/**
 * The Content-Security-Policy of every page Parley serves, in both shells. Scripts and styles come only from the
 * app itself: no `unsafe-eval`, no `unsafe-inline`, so an injected string can never become code. Images and
 * media may also be `blob:`/`data:` URLs because recorded and synthesised speech is played from memory.
 * `'wasm-unsafe-eval'` lets the app compile its own WebAssembly (onnxruntime-web for the voice activity detector,
 * served from the app like every script); it does not allow `eval` of strings.
 *
 * `connect-src` is `'self'` plus the LiveKit servers configured on this machine (see `livekitConnectSources`):
 * livekit-client in the renderer opens a WebSocket to the server and calls its https endpoints. Each page gets
 * the policy of the moment it is served (`contentSecurityPolicy`), built by the core from the voice settings.
 */
const directives = (connectSources: readonly string[]) => [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: data:",
  "font-src 'self'",
  ["connect-src 'self'", ...connectSources].join(' '),
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

/** The policy with no LiveKit server: what a page gets before the core is ready, or when none is configured. */
export const CONTENT_SECURITY_POLICY = directives([]).join('; ');

/** The WebSocket scheme of each web scheme and back: a LiveKit server is reached with both. */
const PAIRS: Record<string, [string, string]> = {
  'wss:': ['wss:', 'https:'],
  'https:': ['wss:', 'https:'],
  'ws:': ['ws:', 'http:'],
  'http:': ['ws:', 'http:'],
};
/** A host-source as CSP writes it: a DNS name or IPv4 address, with a port when not the default. */
const HOST_SOURCE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/**
 * The connect-src sources of one LiveKit address: the origin in its WebSocket and its HTTP form
 * (`wss://lk.example.org` → `wss://lk.example.org https://lk.example.org`). Nothing for an absent or malformed
 * address, one with credentials, or a host CSP cannot name (an IPv6 literal): a bad setting never widens the policy.
 */
export function livekitConnectSources(address: string | null | undefined): string[] {
  if (!address) return [];
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return [];
  }
  const pair = PAIRS[url.protocol];
  if (!pair || url.username || url.password || !HOST_SOURCE.test(url.host)) return [];
  return pair.map((scheme) => `${scheme}//${url.host}`);
}

/** The policy for pages served now, allowing the given LiveKit addresses (each origin once, in a stable order). */
export function contentSecurityPolicy(livekitAddresses: readonly (string | null | undefined)[] = []): string {
  const sources = [...new Set(livekitAddresses.flatMap(livekitConnectSources))].sort();
  return directives(sources).join('; ');
}
