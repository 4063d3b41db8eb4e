/**
 * The Electron shell's own messages: renderer crashes, refused navigations, refused IPC callers. The core keeps
 * its logger to itself, so these go to stderr. Callers pass origins, reasons and channel names only, never
 * inputs, URLs with their queries, or secrets.
 */
export const shellLog = {
  warn(message: string, fields: Record<string, unknown> = {}): void {
    console.warn(`[parley] ${message}`, fields);
  },
  error(message: string, fields: Record<string, unknown> = {}): void {
    console.error(`[parley] ${message}`, fields);
  },
};
