/** Prompts of one server. */
import { useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { ListError } from '../../components/ListError.js';
import { VirtualList } from '../../components/VirtualList.js';
import { useCatalog } from '../../hooks/stores.js';
import { PromptDetail } from './PromptDetail.js';
import { PromptResult } from './PromptResult.js';
import { ItemIcon } from '../../components/ItemIcon.js';

export function PromptsPanel({ session }: { session: ServerSession }) {
  const { prompts } = useCatalog(session);
  const [selected, setSelected] = useState<string>();
  if (prompts.unsupported) return <p className="muted">This server offers no prompts.</p>;
  const prompt = prompts.items.find((p) => p.name === selected) ?? prompts.items[0];
  return (
    <div className="split">
      <div className="split-list">
        <ListError listing={prompts} what="prompts" onRetry={() => void session.refresh('prompts')} />
        <VirtualList
          label="Prompts"
          count={prompts.items.length}
          rowHeight={56}
          renderRow={(i) => {
            const p = prompts.items[i];
            const current = p === prompt;
            return (
              <button type="button" className={`item ${current ? 'selected' : ''}`} aria-current={current} onClick={() => setSelected(p.name)}>
                <span className="item-title">
                  <ItemIcon icons={p.icons} />
                  {p.title ?? p.name} {p.title && <code className="item-name">{p.name}</code>}
                </span>
                <span className="item-desc">{p.description}</span>
              </button>
            );
          }}
        />
      </div>
      <div className="split-detail">
        {prompt ? <PromptDetail key={prompt.name} session={session} prompt={prompt} /> : <p className="muted">{prompts.loading ? 'Loading prompts…' : 'No prompts.'}</p>}
        <PromptResult session={session} />
      </div>
    </div>
  );
}
