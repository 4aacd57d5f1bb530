/**
 * The wasi:mcp contract (wit/) as jco maps it to JavaScript: records are
 * objects with camelCase fields, option<T> is T | undefined, variants are
 * { tag, val }, list<u8> is Uint8Array, u64 is bigint. Written by hand from
 * wit/*.wit; keep in step with it.
 */

export type WitErrorCode =
  | 'parse-error'
  | 'invalid-request'
  | 'method-not-found'
  | 'invalid-params'
  | 'internal-error'
  | 'resource-not-found'
  | 'tool-not-found'
  | 'prompt-not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'timeout'
  | 'rate-limited'
  | 'unavailable'
  | 'connection-closed'
  | 'request-timeout';

export type WitLogLevel = 'debug' | 'info' | 'warning' | 'error' | 'critical';

// capabilities.wit
export interface WitServerCapabilities {
  experimental?: { data: Uint8Array };
  logging?: { levels?: string[] };
  completions?: { enabled: boolean };
  prompts?: { listChanged?: boolean };
  resources?: { subscribe?: boolean; listChanged?: boolean };
  tools?: { listChanged?: boolean };
  sampling?: { enabled: boolean };
  elicitation?: { enabled: boolean };
}

// runtime.wit
export interface WitServerInfo {
  name: string;
  version: string;
  capabilities: WitServerCapabilities;
  instructions?: string;
}

export interface WitToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

export interface WitToolDefinition {
  name: string;
  title?: string;
  description: string;
  inputSchema: Uint8Array;
  outputSchema?: Uint8Array;
  annotations?: WitToolAnnotations;
}

/** How a tool may run as a task (declare-task-support). */
export type WitTaskSupport = 'forbidden' | 'optional' | 'required';
export type WitIconTarget = 'server' | 'tool' | 'resource' | 'resource-template' | 'prompt';
export type WitCacheTarget =
  | { tag: 'discover' | 'tools-list' | 'prompts-list' | 'resources-list' | 'resource-templates-list' }
  | { tag: 'resource'; val: string };
export type WitCacheScope = 'private' | 'public';

export interface WitResourceDefinition {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  size?: bigint;
}

export interface WitResourceTemplate {
  uriTemplate: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
}

export interface WitPromptArgument {
  name: string;
  description?: string;
  required?: boolean;
}

export interface WitPromptDefinition {
  name: string;
  title?: string;
  description?: string;
  arguments?: WitPromptArgument[];
}

export type WitNotification =
  | { tag: 'resources-list-changed' }
  | { tag: 'resources-updated'; val: string[] }
  | { tag: 'tools-list-changed' }
  | { tag: 'prompts-list-changed' }
  | { tag: 'progress'; val: { progressToken: string; progress: bigint; total?: bigint } }
  | { tag: 'message'; val: { level: WitLogLevel; message: string; data?: Uint8Array } }
  | { tag: 'cancelled'; val: string };

// content.wit
export interface WitAnnotations {
  priority?: number;
  audience?: string[];
  custom?: Uint8Array;
}

export type WitContentBlock =
  | { tag: 'text'; val: { contentType: string; text: string; annotations?: WitAnnotations } }
  | { tag: 'image'; val: { contentType: string; data: string; mimeType: string; annotations?: WitAnnotations } }
  | { tag: 'audio'; val: { contentType: string; data: string; mimeType: string; annotations?: WitAnnotations } }
  | {
      tag: 'embedded-resource';
      val: {
        contentType: string;
        uri: string;
        mimeType?: string;
        text?: string;
        blob?: string;
        annotations?: WitAnnotations;
      };
    }
  | {
      tag: 'resource-link';
      val: {
        contentType: string;
        uri: string;
        name: string;
        description?: string;
        mimeType?: string;
        annotations?: WitAnnotations;
      };
    };

export interface WitPromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: WitContentBlock;
}

// handlers.wit
export interface WitToolResult {
  content: WitContentBlock[];
  isError?: boolean;
  structuredContent?: Uint8Array;
}

export type WitCompletionRefType = 'tool-name' | 'resource-uri' | 'prompt-name' | 'argument-name';

export interface WitCompletion {
  value: string;
  label?: string;
}

/** Under JSPI (load.ts) the handlers that may wait for the client return promises. */
type MaybeAsync<T> = T | Promise<T>;

export interface WitHandlers {
  callTool(name: string, args: Uint8Array): MaybeAsync<WitToolResult>;
  readResource(uri: string): MaybeAsync<{ contents: WitContentBlock[] }>;
  getPrompt(name: string, args: Uint8Array | undefined): MaybeAsync<{ messages: WitPromptMessage[] }>;
  handleSubscribe(uri: string): void;
  handleUnsubscribe(uri: string): void;
  handleComplete(
    refType: WitCompletionRefType,
    refValue: string,
    argumentName: string,
    argumentValue: string,
    contextArguments: Uint8Array | undefined,
  ): WitCompletion[];
}

export interface WitRun {
  run(): MaybeAsync<void>;
}
