import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Renders resources/icon.svg to the PNGs electron-builder packs (resources/icons/<size>x<size>.png), with the
 * system Chromium so the PNGs match the SVG exactly. Run after changing the SVG:
 * `node --import tsx scripts/render-icons.ts`.
 */
const SIZES = [512, 256];
const root = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main(): Promise<void> {
  const svg = readFileSync(path.join(root, 'resources', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const sized = svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const file = path.join(root, 'resources', 'icons', `${size}x${size}.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
      console.log(file);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
