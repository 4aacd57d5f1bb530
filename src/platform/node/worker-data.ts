/**
 * What the main thread tells a component worker when it creates it
 * (`workerData`): platform settings, as opposed to the per-component `load`
 * message of the control protocol. Validated on arrival like every message.
 */
import * as z from 'zod/v4';

export const WorkerDataSchema = z.object({
  /** Where transpiled components are kept across runs; absent: no cache. */
  cacheDir: z.string().optional(),
  /**
   * Host directories the component sees (`--dir`), opened by the worker
   * itself: a real directory cannot cross the control protocol as data.
   */
  dirs: z.array(z.object({ host: z.string(), guest: z.string(), readOnly: z.boolean() })).optional(),
});
export type WorkerData = z.infer<typeof WorkerDataSchema>;
