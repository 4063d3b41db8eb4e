import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { shellLog } from './shell-log';

export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 520;

const windowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_WIDTH).max(20_000),
  height: z.number().int().min(MIN_HEIGHT).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the window must show on one display for the learner to grab it: roughly a title bar's worth. */
const REACHABLE = 64;

const overlap = (start: number, length: number, areaStart: number, areaLength: number) =>
  Math.min(start + length, areaStart + areaLength) - Math.max(start, areaStart);

/** False for bounds saved on a monitor that has since been unplugged, which would open the window out of sight. */
export function isOnSomeDisplay(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some(
    (area) =>
      overlap(bounds.x, bounds.width, area.x, area.width) >= REACHABLE &&
      overlap(bounds.y, bounds.height, area.y, area.height) >= REACHABLE,
  );
}

/** The remembered size and place, or null when there is none worth using (missing, damaged, off-screen). */
export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = windowState.safeParse(raw);
  if (!parsed.success || !isOnSomeDisplay(parsed.data, workAreas)) return null;
  return parsed.data;
}

/** Written whole and renamed into place, so a crash mid-write leaves the previous state rather than half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
  } catch (error) {
    shellLog.warn('could not remember the window size', { message: (error as Error)?.message });
  }
}
