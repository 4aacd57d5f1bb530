/**
 * What a tool's `_meta.ui` says under MCP Apps (io.modelcontextprotocol/ui):
 * the `ui://` view that renders its result, and who may call it. Read by hand
 * rather than with ext-apps' helpers, which throw on a malformed URI and
 * would pull the bridge into every user of the session.
 */
import type { ClientCapabilities, Tool } from '@modelcontextprotocol/client';

/** The MIME type of a view's HTML. */
export const APP_MIME_TYPE = 'text/html;profile=mcp-app';

/** What the page's Client declares: it shows MCP Apps views, in HTML (SEP-1724 extension capabilities). */
export const APPS_CLIENT_CAPABILITIES: ClientCapabilities = { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: [APP_MIME_TYPE] } } };

export type Audience = 'model' | 'app';

/** Both audiences: what MCP Apps gives a tool that declares no visibility. */
const EVERYONE: readonly Audience[] = ['model', 'app'];

function uiMeta(tool: Tool): Record<string, unknown> | undefined {
  const ui = tool._meta?.ui;
  return typeof ui === 'object' && ui !== null && !Array.isArray(ui) ? (ui as Record<string, unknown>) : undefined;
}

/** The `ui://` URI of the tool's view, if it names one (`_meta.ui.resourceUri`, or the older flat `ui/resourceUri`). */
export function viewUriOf(tool: Tool): string | undefined {
  const uri = uiMeta(tool)?.resourceUri ?? tool._meta?.['ui/resourceUri'];
  return typeof uri === 'string' && uri.startsWith('ui://') ? uri : undefined;
}

/**
 * Who may call the tool (`_meta.ui.visibility`). Absent, or not a list,
 * means both; names other than "model" and "app" are ignored.
 */
export function visibilityOf(tool: Tool): readonly Audience[] {
  const visibility = uiMeta(tool)?.visibility;
  if (!Array.isArray(visibility)) return EVERYONE;
  return EVERYONE.filter((a) => visibility.includes(a));
}

export const appMayCall = (tool: Tool): boolean => visibilityOf(tool).includes('app');
export const modelMayCall = (tool: Tool): boolean => visibilityOf(tool).includes('model');
