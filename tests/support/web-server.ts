import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../../src-main/core';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { tempDir } from './test-core';

/** The web shell's server for `core`, in this process, serving a one-page stand-in for the built renderer. */
export function startStandInWebServer(core: Core, token: string): Promise<WebServer> {
  const rendererDir = tempDir('parley-renderer-');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parley</title>');
  return startWebServer({ core, rendererDir, port: 0, token });
}
