/**
 * The collection file, version 1 (docs/collections.md; the same rules as JSON
 * Schema in schemas/collection.v1.schema.json): saved MCP requests, each with
 * what its answer is expected to be. Types and validator are defined together.
 */
import * as z from 'zod/v4';
import { parsePointer } from './json.js';

const Arguments = z.record(z.string(), z.unknown());
const StringArguments = z.record(z.string(), z.string());

const ToolRequest = z.strictObject({ kind: z.literal('tool'), name: z.string().min(1), arguments: Arguments.optional() });
const ResourceRequest = z.strictObject({ kind: z.literal('resource'), uri: z.string().min(1) });
const PromptRequest = z.strictObject({ kind: z.literal('prompt'), name: z.string().min(1), arguments: StringArguments.optional() });
const CompletionRef = z.discriminatedUnion(
  'type',
  [z.strictObject({ type: z.literal('ref/prompt'), name: z.string() }), z.strictObject({ type: z.literal('ref/resource'), uri: z.string() })],
  { error: 'must be ref/prompt (with name) or ref/resource (with uri)' },
);
const CompletionRequest = z.strictObject({
  kind: z.literal('completion'),
  ref: CompletionRef,
  argument: z.strictObject({ name: z.string(), value: z.string() }),
  context: z.strictObject({ arguments: StringArguments }).optional(),
});
/** Any method with any params, sent as written. */
const RawRequest = z.strictObject({ kind: z.literal('request'), method: z.string().min(1), params: Arguments.optional() });

export const CallRequestSchema = z.discriminatedUnion('kind', [ToolRequest, ResourceRequest, PromptRequest, CompletionRequest, RawRequest], {
  error: 'must be one of tool, resource, prompt, completion, request',
});

const isRegex = (source: string) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

export const CheckSchema = z
  .strictObject({
    path: z.string().refine((p) => parsePointer(p) !== undefined, 'must be a JSON Pointer: "" or /key/0/key (~1 for /, ~0 for ~)'),
    equals: z.unknown().optional(),
    matches: z.string().refine(isRegex, 'must be a regular expression (JavaScript syntax, u flag)').optional(),
    contains: z.string().optional(),
  })
  .refine((c) => 'equals' in c || c.matches !== undefined || c.contains !== undefined, 'a check needs equals, matches or contains');

export const ExpectSchema = z.strictObject({
  /** A JSON-RPC error with this code; absent: a result. */
  error: z.number().int().optional(),
  isError: z.boolean().optional(),
  checks: z.array(CheckSchema).optional(),
  outputSchema: z.literal(true).optional(),
  maxMs: z.number().positive().optional(),
});

export const CallSchema = z
  .strictObject({ name: z.string().min(1), description: z.string().optional(), request: CallRequestSchema, expect: ExpectSchema.optional() })
  .superRefine((call, ctx) => {
    const expect = call.expect;
    if (expect?.outputSchema && call.request.kind !== 'tool') {
      ctx.addIssue({ code: 'custom', path: ['expect', 'outputSchema'], message: 'applies to tool calls only' });
    }
    if (expect?.error !== undefined && (expect.isError !== undefined || expect.outputSchema)) {
      ctx.addIssue({ code: 'custom', path: ['expect'], message: 'an expected error has no result: drop isError and outputSchema, or error' });
    }
  });

export const CollectionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1, { error: 'must be 1' }),
    name: z.string().min(1),
    description: z.string().optional(),
    calls: z.array(CallSchema).min(1, 'must hold at least one call'),
  })
  .superRefine((collection, ctx) => {
    const seen = new Set<string>();
    collection.calls.forEach((call, i) => {
      if (seen.has(call.name)) ctx.addIssue({ code: 'custom', path: ['calls', i, 'name'], message: `two calls are named ${JSON.stringify(call.name)}` });
      seen.add(call.name);
    });
  });

export type Collection = z.infer<typeof CollectionSchema>;
export type Call = z.infer<typeof CallSchema>;
export type CallRequest = z.infer<typeof CallRequestSchema>;
export type Expect = z.infer<typeof ExpectSchema>;
export type Check = z.infer<typeof CheckSchema>;

export type ParsedCollection = { ok: true; collection: Collection } | { ok: false; problems: string[] };

/** `calls[2].expect.checks[0].path` */
function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

/** Parses a collection file's text: the collection, or every problem found, each with where it is. */
export function parseCollection(text: string): ParsedCollection {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`not JSON: ${(e as Error).message}`] };
  }
  return checkCollection(value);
}

/** Checks a value already parsed from JSON (or built in memory) as a collection. */
export function checkCollection(value: unknown): ParsedCollection {
  const parsed = CollectionSchema.safeParse(value);
  if (parsed.success) return { ok: true, collection: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => (issue.path.length === 0 ? issue.message : `${where(issue.path)}: ${issue.message}`)) };
}
