/**
 * Messages of the short-lived Worker that prints a component's WIT world.
 * A separate worker keeps wasm-tools (2.4 MB of wasm) off
 * the page's main thread and out of the component's worker.
 */
import * as z from 'zod/v4';
import { WireErrorSchema } from './protocol.js';

export const WitRequestSchema = z.object({ type: z.literal('wit'), bytes: z.instanceof(ArrayBuffer) });
export type WitRequest = z.infer<typeof WitRequestSchema>;

export const WitResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('wit'), text: z.string() }),
  z.object({ type: z.literal('error'), error: WireErrorSchema }),
]);
export type WitResponse = z.infer<typeof WitResponseSchema>;
