import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The checks that keep other web pages and other local users out: the per-run token, our own Origin, and our own
 * Host (so a DNS-rebinding page cannot reach the loopback port under another name).
 */
export class RequestGuard {
  private readonly token: Buffer;
  private allowedHosts: Set<string> = new Set();

  constructor(token: string, private readonly hostNames: string[]) {
    this.token = Buffer.from(token);
  }

  /** Called once the port is known. */
  bindPort(port: number): void {
    this.allowedHosts = new Set(this.hostNames.map((h) => `${h.includes(':') ? `[${h}]` : h}:${port}`));
  }

  tokenMatches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    return given.length === this.token.length && timingSafeEqual(given, this.token);
  }

  bearer(req: IncomingMessage): string | null {
    const header = req.headers.authorization;
    return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
  }

  hostAllowed(req: IncomingMessage): boolean {
    return this.allowedHosts.has(String(req.headers.host ?? '').toLowerCase());
  }

  /** Browsers always send Origin on POST and WebSocket; other local tools (the bench) may send none. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    try {
      const url = new URL(origin);
      return url.protocol === 'http:' && this.allowedHosts.has(url.host.toLowerCase());
    } catch {
      return false;
    }
  }
}
