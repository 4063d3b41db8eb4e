import { z } from 'zod';
import { ankiInspect } from '../../../src-shared/contract/anki';
import { launchWorker } from '../../workers/launch';
import { AnkiPackageError } from './package-errors';

const inspectMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('finished'), inspection: ankiInspect.output.omit({ fileName: true, bytes: true }) }),
  z.object({ type: z.literal('failed'), message: z.string(), packageError: z.boolean() }),
]);

/** What the worker (workers/anki-inspect.ts) posts back, once. */
export type AnkiInspectMessage = z.input<typeof inspectMessage>;
export type AnkiInspection = Extract<z.output<typeof inspectMessage>, { type: 'finished' }>['inspection'];

/**
 * Reads a package's preview (note types, samples, counts) in a worker thread, so the main thread only waits.
 * The worker's answer is checked against the contract; a package problem comes back as an AnkiPackageError.
 */
export function inspectInWorker(filePath: string): Promise<AnkiInspection> {
  return new Promise((resolve, reject) => {
    const worker = launchWorker('anki-inspect', { filePath });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
    };
    worker.on('message', (raw: unknown) => {
      const message = inspectMessage.safeParse(raw);
      if (!message.success) settle(() => reject(new Error(`The package reader answered in an unexpected form: ${message.error.message}`)));
      else if (message.data.type === 'finished') {
        const { inspection } = message.data;
        settle(() => resolve(inspection));
      } else {
        const { message: text, packageError } = message.data;
        settle(() => reject(packageError ? new AnkiPackageError(text) : new Error(text)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`Reading the package stopped unexpectedly (exit code ${code}).`))));
  });
}
