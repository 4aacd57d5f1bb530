/** Tools of one server: list, detail, the selected tool's last result and, for a tool with an MCP App, its view. */
import { useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { ListError } from '../../components/ListError.js';
import { AppPane } from '../apps/AppPane.js';
import { useCatalog } from '../../hooks/stores.js';
import { ToolDetail } from './ToolDetail.js';
import { ToolList } from './ToolList.js';
import { ToolResult } from './ToolResult.js';

/** The tool last selected on each server, so that coming back to a server shows the same tool and its result. */
const lastSelected = new WeakMap<ServerSession, string>();

export function ToolsPanel({ session }: { session: ServerSession }) {
  const { tools } = useCatalog(session);
  const [selected, setSelectedState] = useState(() => lastSelected.get(session));
  const setSelected = (name: string) => {
    lastSelected.set(session, name);
    setSelectedState(name);
  };
  if (tools.unsupported) return <p className="muted">This server offers no tools.</p>;
  const tool = tools.items.find((t) => t.name === selected) ?? tools.items[0];
  return (
    <div className="split">
      <div className="split-list">
        <ListError listing={tools} what="tools" onRetry={() => void session.refresh('tools')} />
        <ToolList tools={tools.items} selected={tool?.name} onSelect={setSelected} />
      </div>
      <div className="split-detail">
        {tool ? <ToolDetail key={`detail ${tool.name}`} session={session} tool={tool} /> : <p className="muted">{tools.loading ? 'Loading tools…' : 'No tools.'}</p>}
        {tool && <ToolResult key={`result ${tool.name}`} session={session} tool={tool.name} />}
        <AppPane session={session} selected={tool?.name} />
      </div>
    </div>
  );
}
