import type { Tool } from '@modelcontextprotocol/client';

/** The annotation hints of a tool as short badges. */
export function hintsOf(tool: Tool): string[] {
  const a = tool.annotations;
  if (!a) return [];
  const hints: string[] = [];
  if (a.readOnlyHint) hints.push('read-only');
  if (a.destructiveHint) hints.push('destructive');
  if (a.idempotentHint) hints.push('idempotent');
  if (a.openWorldHint) hints.push('open world');
  return hints;
}

export function Hints({ tool }: { tool: Tool }) {
  const hints = hintsOf(tool);
  if (hints.length === 0) return null;
  return (
    <span className="hints" aria-label="Annotations">
      {hints.map((h) => (
        <span key={h} className={`hint ${h.replace(' ', '-')}`}>
          {h}
        </span>
      ))}
    </span>
  );
}
