import type { Tool } from '@modelcontextprotocol/client';
import { visibilityOf } from '../../../session/app-meta.js';

/** A badge for a tool only one side may call (MCP Apps `_meta.ui.visibility`); nothing for the usual both. */
export function Visibility({ tool }: { tool: Tool }) {
  const audiences = visibilityOf(tool);
  if (audiences.length === 2) return null;
  const label = audiences.length === 0 ? 'no one' : `${audiences[0]} only`;
  return (
    <span className="hint visibility" title="MCP Apps visibility: who may call this tool">
      {label}
    </span>
  );
}
