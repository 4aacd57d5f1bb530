/**
 * The HTML of an MCP App's view out of its `resources/read` answer: the
 * contents of the view's own URI with the Apps MIME type, as text or base64.
 */
import type { ReadResourceResult } from '@modelcontextprotocol/client';
import { McpUiResourceMetaSchema, type McpUiResourceMeta } from '@modelcontextprotocol/ext-apps/app-bridge';
import { APP_MIME_TYPE } from '../../../session/app-meta.js';

export interface ViewDocument {
  html: string;
  /** `_meta.ui` of the contents, when it is well formed. */
  meta: McpUiResourceMeta | undefined;
}

export function viewDocument(uri: string, result: ReadResourceResult): ViewDocument {
  const contents = result.contents.find((c) => c.uri === uri);
  if (!contents) throw new Error(`resources/read ${uri} returned no contents for that URI`);
  if (contents.mimeType?.replace(/\s/g, '').toLowerCase() !== APP_MIME_TYPE) {
    throw new Error(`${uri} is ${contents.mimeType ?? 'of no MIME type'}, not ${APP_MIME_TYPE}`);
  }
  const html = 'text' in contents ? contents.text : new TextDecoder().decode(Uint8Array.from(atob(contents.blob), (c) => c.charCodeAt(0)));
  const parsed = McpUiResourceMetaSchema.safeParse(contents._meta?.ui);
  return { html, meta: parsed.success ? parsed.data : undefined };
}
