/**
 * What the main thread tells a component worker when it creates it
 * (`workerData`): platform settings, as opposed to the per-component `load`
 * message of the control protocol. Validated on arrival like every message.
 */
import * as z from 'zod/v4';

export const WorkerDataSchema = z.object({
  /** Where transpiled components are kept across runs; absent: no cache. */
  cacheDir: z.string().optional(),
});
export type WorkerData = z.infer<typeof WorkerDataSchema>;
