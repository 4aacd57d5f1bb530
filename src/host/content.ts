/**
 * Conversion between the contract's WIT values and MCP JSON, in one place.
 * Absent options stay absent (no `undefined`-valued keys), empty strings stay
 * empty, binary stays base64 as the contract carries it. A value the contract
 * allows but MCP cannot express is a BadResult error naming the field.
 */
import type { Annotations, CallToolResult, ContentBlock, GetPromptResult, Prompt, ReadResourceResult, Resource, ResourceTemplateType, Tool } from '@modelcontextprotocol/server';
import { isJsonObject, parseJsonBytes } from './bytes.js';
import { HostError } from './errors.js';
import type { ToolEntry } from './registry.js';
import type {
  WitAnnotations,
  WitContentBlock,
  WitPromptDefinition,
  WitPromptMessage,
  WitResourceDefinition,
  WitResourceTemplate,
  WitToolResult,
} from './wit.js';

type Json = Record<string, unknown>;

/** Copies only the keys whose value is not undefined. */
function defined<T extends Json>(object: T): T {
  const out: Json = {};
  for (const [k, v] of Object.entries(object)) if (v !== undefined) out[k] = v;
  return out as T;
}

function badResult(message: string): HostError {
  return new HostError('BAD_RESULT', message);
}

export function toMcpAnnotations(a: WitAnnotations | undefined): Annotations | undefined {
  if (a === undefined) return undefined;
  const custom = a.custom === undefined ? {} : parseJsonBytes(a.custom, 'annotations.custom');
  if (!isJsonObject(custom)) throw badResult('annotations.custom must be a JSON object');
  for (const who of a.audience ?? []) {
    if (who !== 'user' && who !== 'assistant') throw badResult(`annotations.audience "${who}" is not user or assistant`);
  }
  return defined({ ...custom, audience: a.audience as Annotations['audience'], priority: a.priority });
}

/** Strips a `data:<mime>;base64,` prefix: the upstream text allowed data URIs where MCP wants base64. */
function base64Of(data: string): string {
  const match = /^data:[^;,]*;base64,/.exec(data);
  return match ? data.slice(match[0].length) : data;
}

export function toMcpContent(block: WitContentBlock): ContentBlock {
  const annotations = toMcpAnnotations(block.val.annotations);
  switch (block.tag) {
    case 'text':
      return defined({ type: 'text', text: block.val.text, annotations });
    case 'image':
      return defined({ type: 'image', data: base64Of(block.val.data), mimeType: block.val.mimeType, annotations });
    case 'audio':
      return defined({ type: 'audio', data: base64Of(block.val.data), mimeType: block.val.mimeType, annotations });
    case 'embedded-resource': {
      const { uri, mimeType, text, blob } = block.val;
      if ((text === undefined) === (blob === undefined)) {
        throw badResult(`embedded resource "${uri}" must have exactly one of text or blob`);
      }
      const resource = text !== undefined ? defined({ uri, mimeType, text }) : defined({ uri, mimeType, blob: blob! });
      return defined({ type: 'resource', resource, annotations });
    }
    case 'resource-link': {
      const { uri, name, description, mimeType } = block.val;
      return defined({ type: 'resource_link', uri, name, description, mimeType, annotations });
    }
  }
}

export function toMcpToolResult(result: WitToolResult): CallToolResult {
  const out: CallToolResult = { content: result.content.map(toMcpContent) };
  if (result.isError !== undefined) out.isError = result.isError;
  if (result.structuredContent !== undefined) {
    const structured = parseJsonBytes(result.structuredContent, 'structured-content');
    if (!isJsonObject(structured)) throw badResult('structured-content must be a JSON object');
    out.structuredContent = structured;
  }
  return out;
}

/**
 * read-resource answers with content blocks: a text block is the text of the
 * requested URI, an embedded resource carries its own URI and text or blob.
 * The resource's declared `_meta` goes on every content of the requested URI.
 */
export function toMcpResourceContents(
  uri: string,
  mimeType: string | undefined,
  blocks: WitContentBlock[],
  meta?: Record<string, unknown>,
): ReadResourceResult {
  const contents = blocks.map((block) => {
    switch (block.tag) {
      case 'text':
        return defined({ uri, mimeType, text: block.val.text });
      case 'image':
      case 'audio':
        return defined({ uri, mimeType: block.val.mimeType, blob: base64Of(block.val.data) });
      case 'embedded-resource': {
        const converted = toMcpContent(block);
        if (converted.type !== 'resource') throw badResult('unreachable');
        return converted.resource;
      }
      case 'resource-link':
        throw badResult(`read-resource("${uri}") returned a resource link; resource contents must be text or binary`);
    }
  });
  return { contents: meta === undefined ? contents : contents.map((c) => (c.uri === uri ? { ...c, _meta: meta } : c)) };
}

export function toMcpPromptResult(description: string | undefined, messages: WitPromptMessage[]): GetPromptResult {
  return defined({
    description,
    messages: messages.map((m) => {
      if (m.role === 'system') throw badResult('prompt message role "system" does not exist in MCP (user or assistant)');
      return { role: m.role, content: toMcpContent(m.content) };
    }),
  });
}

export function toMcpTool(entry: ToolEntry): Tool {
  const { name, title, description, annotations } = entry.definition;
  return defined({
    name,
    title,
    description,
    inputSchema: entry.inputSchema as Tool['inputSchema'],
    outputSchema: entry.outputSchema as Tool['outputSchema'],
    annotations: annotations === undefined ? undefined : defined({ ...annotations }),
    _meta: entry.meta,
  });
}

export function toMcpResource(r: WitResourceDefinition, meta?: Record<string, unknown>): Resource {
  return defined({
    uri: r.uri,
    name: r.name,
    title: r.title,
    description: r.description,
    mimeType: r.mimeType,
    size: r.size === undefined ? undefined : Number(r.size),
    _meta: meta,
  });
}

export function toMcpResourceTemplate(t: WitResourceTemplate): ResourceTemplateType {
  return defined({
    uriTemplate: t.uriTemplate,
    name: t.name,
    title: t.title,
    description: t.description,
    mimeType: t.mimeType,
  });
}

export function toMcpPrompt(p: WitPromptDefinition): Prompt {
  return defined({
    name: p.name,
    title: p.title,
    description: p.description,
    arguments: p.arguments?.map((a) => defined({ name: a.name, description: a.description, required: a.required })),
  });
}
