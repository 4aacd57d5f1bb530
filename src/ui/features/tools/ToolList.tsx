/** A searchable, virtualized list of tools. */
import type { Tool } from '@modelcontextprotocol/client';
import { useMemo, useState } from 'react';
import { VirtualList } from '../../components/VirtualList.js';
import { Visibility } from '../apps/Visibility.js';
import { Hints } from './annotations.js';
import { ItemIcon } from '../../components/ItemIcon.js';

export function matches(tool: Tool, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [tool.name, tool.title, tool.annotations?.title, tool.description].some((s) => s?.toLowerCase().includes(q));
}

interface Props {
  tools: readonly Tool[];
  selected: string | undefined;
  onSelect(name: string): void;
}

export function ToolList({ tools, selected, onSelect }: Props) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => tools.filter((t) => matches(t, query)), [tools, query]);
  return (
    <div className="item-list">
      <input type="search" aria-label="Search tools" placeholder="Search tools" value={query} onChange={(e) => setQuery(e.target.value)} />
      <div className="muted count">
        {shown.length} of {tools.length} tools
      </div>
      <VirtualList
        label="Tools"
        count={shown.length}
        rowHeight={56}
        renderRow={(i) => {
          const tool = shown[i];
          return (
            <button type="button" className={`item ${tool.name === selected ? 'selected' : ''}`} aria-current={tool.name === selected} onClick={() => onSelect(tool.name)}>
              <span className="item-title">
                <ItemIcon icons={tool.icons} />
                <span className="item-label">{tool.title ?? tool.annotations?.title ?? tool.name}</span>
                {(tool.title ?? tool.annotations?.title) && <code className="item-name">{tool.name}</code>}
                <Hints tool={tool} /> <Visibility tool={tool} />
              </span>
              <span className="item-desc">{tool.description}</span>
            </button>
          );
        }}
      />
    </div>
  );
}
