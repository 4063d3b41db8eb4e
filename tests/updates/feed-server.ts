import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedRelease {
  version: string;
  fileName: string;
  /** The bytes the server sends for the file. */
  bytes: Buffer;
  /** The bytes whose sha512 latest.yml lists: the same as `bytes` unless the test says otherwise. */
  listedBytes?: Buffer;
  /** The body of `<file>.sig`; undefined answers 404. */
  signature?: string;
}

export const sha512Base64 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** latest.yml as electron-builder writes it for one file. */
export function latestYml(release: FeedRelease): string {
  const listed = release.listedBytes ?? release.bytes;
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${release.fileName}`,
    `    sha512: ${sha512Base64(listed)}`,
    `    size: ${listed.length}`,
    `path: ${release.fileName}`,
    `sha512: ${sha512Base64(listed)}`,
    "releaseDate: '2026-01-05T09:00:00.000Z'",
    '',
  ].join('\n');
}

/**
 * A generic update feed on 127.0.0.1, as a school server's `/updates/` would serve it: the channel file (under
 * every platform's name: electron-updater asks for latest-linux.yml on Linux), the file and its signature.
 */
export async function startFeedServer() {
  let release: FeedRelease | null = null;
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://feed').pathname;
    requests.push(pathname);
    const name = pathname.replace(/^\/updates\//, '');
    if (release && /^latest(-linux|-mac)?\.yml$/.test(name)) return void response.end(latestYml(release));
    if (release && name === release.fileName) return void response.end(release.bytes);
    if (release?.signature !== undefined && name === `${release.fileName}.sig`)
      return void response.end(release.signature);
    response.statusCode = 404;
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/updates/`,
    requests,
    publish(next: FeedRelease) {
      release = next;
      requests.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
