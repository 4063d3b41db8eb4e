import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, livekitConnectSources } from '../../src-main/security/csp';

const connectSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('connect-src '));

describe('the page policy’s connect-src for LiveKit', () => {
  it('names each configured LiveKit origin in its WebSocket and HTTP forms, and nothing broader', () => {
    expect(livekitConnectSources('wss://LiveKit.School.example/rtc?x=1')).toEqual([
      'wss://livekit.school.example',
      'https://livekit.school.example',
    ]);
    expect(livekitConnectSources('https://lk.example.org:7443')).toEqual([
      'wss://lk.example.org:7443',
      'https://lk.example.org:7443',
    ]);
    expect(livekitConnectSources('ws://127.0.0.1:7880')).toEqual(['ws://127.0.0.1:7880', 'http://127.0.0.1:7880']);
    expect(livekitConnectSources('wss://lk.example.org:443')).toEqual([
      'wss://lk.example.org',
      'https://lk.example.org',
    ]);
    const policy = contentSecurityPolicy(['wss://lk.example.org', 'https://lk.example.org/', 'ws://localhost:7880']);
    expect(connectSrc(policy)).toBe(
      "connect-src 'self' http://localhost:7880 https://lk.example.org ws://localhost:7880 wss://lk.example.org",
    );
    expect(policy).not.toMatch(/(^|\s)(wss?|https?):(\s|;|$)/);
    // Everything else stays as strict as the base policy.
    expect(policy.replace(connectSrc(policy)!, "connect-src 'self'")).toBe(CONTENT_SECURITY_POLICY);
  });

  it('adds nothing for an absent or malformed address, or one CSP cannot name safely', () => {
    for (const bad of [
      null,
      undefined,
      '',
      'not a url',
      'livekit.example.org',
      'ftp://lk.example.org',
      'javascript:alert(1)',
      'wss://user:pw@lk.example.org',
      'wss://[::1]:7880',
      'wss://lk.example.org;script-src *',
      'wss://*.example.org',
      'data:text/plain,x',
    ]) {
      expect(livekitConnectSources(bad), String(bad)).toEqual([]);
    }
    expect(contentSecurityPolicy([null, 'garbage', 'wss://[::1]'])).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    expect(connectSrc(CONTENT_SECURITY_POLICY)).toBe("connect-src 'self'");
  });
});
