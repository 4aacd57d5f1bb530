/**
 * The control channel between a page (or Node's main thread) and the worker
 * that hosts one component. JSON-RPC never travels here: it has its own
 * MessagePort. Every message is validated on receipt; type and validator are
 * defined together.
 */
import * as z from 'zod/v4';
import { ERROR_CODES } from '../host/errors.js';
import { STATE_KEY_MIN_BYTES } from '../host/state-key.js';

export const WireErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string(), data: z.unknown().optional() });

/** A directory tree held in memory (the host's `FileTree`): files carry their bytes as `source`. */
type FileTreeShape = { dir: Record<string, FileTreeShape | { source: Uint8Array | string }> };
const FileTreeSchema: z.ZodType<FileTreeShape> = z.lazy(() =>
  z.object({
    dir: z.record(z.string(), z.union([FileTreeSchema, z.object({ source: z.union([z.instanceof(Uint8Array), z.string()]) })])),
  }),
);

/** What the component may reach beyond clocks, random and captured stdio (deny by default). */
export const GrantsSchema = z.object({
  env: z.record(z.string(), z.string()).optional(),
  args: z.array(z.string()).optional(),
  /** Directories by guest path, held in memory. */
  dirs: z.record(z.string(), FileTreeSchema).optional(),
  /** Origins outgoing HTTP may reach; `*` for any. */
  httpOrigins: z.array(z.string()).optional(),
});
export type Grants = z.infer<typeof GrantsSchema>;

/** Host-enforced limits for one component. */
export const LimitsSchema = z.object({
  /** Bytes of linear memory the component may grow to (the host's default when absent). */
  memoryBytes: z.number().int().positive().optional(),
});
export type Limits = z.infer<typeof LimitsSchema>;

/** To the worker. `port` carries JSON-RPC; `bytes` is transferred, not copied. */
export const ToWorkerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('load'),
    bytes: z.instanceof(ArrayBuffer),
    port: z.custom<MessagePort>((v) => typeof v === 'object' && v !== null && 'postMessage' in v),
    grants: GrantsSchema.optional(),
    limits: LimitsSchema.optional(),
    /**
     * What `port` carries: JSON-RPC for one connection of either protocol era (the default), or
     * Streamable HTTP exchanges for MCP 2026-07-28 (http-bridge.ts), which Node's CLI sends.
     */
    serve: z.enum(['connection', 'http']).optional(),
    /**
     * With `serve: 'http'`, the key that signs input_required rounds' `requestState` (a random
     * one when absent): the CLI gives several `--http` processes the same one when told to
     * (`--state-key-file`), so a stateless round started on one is continued on another.
     */
    stateKey: z
      .instanceof(Uint8Array)
      .refine((key) => key.length >= STATE_KEY_MIN_BYTES, `a requestState key needs at least ${STATE_KEY_MIN_BYTES} bytes`)
      .optional(),
  }),
  // Asks for a `stats` reply (benchmarks); the worker answers it at any time after `load`.
  z.object({ type: z.literal('stats') }),
]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;

export const StageSchema = z.enum(['transpile', 'compile', 'instantiate', 'register']);

export const WorldSchema = z.object({ imports: z.array(z.string()), exports: z.array(z.string()) });

/** From the worker. */
export const FromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stage'), stage: StageSchema, ms: z.number() }),
  z.object({ type: z.literal('output'), stream: z.enum(['stdout', 'stderr']), text: z.string() }),
  z.object({
    type: z.literal('ready'),
    world: WorldSchema,
    timings: z.partialRecord(StageSchema, z.number()),
    /** The transpiled component came from the platform's cache (absent from older workers). */
    cached: z.boolean().optional(),
    /** Why each registration the host refused during `run` was refused. */
    refused: z.array(z.string()).optional(),
  }),
  z.object({ type: z.literal('error'), error: WireErrorSchema }),
  /** The component asked for a capability it was not granted; the call failed inside it with the WASI error. */
  z.object({ type: z.literal('denied'), capability: z.enum(['http']), detail: z.string() }),
  /**
   * The answer to `stats`: bytes of the component's linear memory (absent until it is loaded) and
   * the worker's JS heap where the engine tells a worker (`performance.memory`; Chromium does not).
   */
  z.object({ type: z.literal('stats'), memoryBytes: z.number().optional(), heapBytes: z.number().optional() }),
  /**
   * How many calls the component holds between 2026-07-28 input_required rounds: while any is
   * held, the component waits on a client, and a supervisor stops its deadlines.
   */
  z.object({ type: z.literal('held'), calls: z.number().int().nonnegative() }),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;
