/** Resources and resource templates of one server. */
import { useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { ListError } from '../../components/ListError.js';
import { VirtualList } from '../../components/VirtualList.js';
import { useCatalog } from '../../hooks/stores.js';
import { ReadResult } from './ReadResult.js';
import { ResourceDetail } from './ResourceDetail.js';
import { TemplateDetail } from './TemplateDetail.js';
import { ItemIcon } from '../../components/ItemIcon.js';

type Selection = { kind: 'resource'; uri: string } | { kind: 'template'; uri: string };

export function ResourcesPanel({ session }: { session: ServerSession }) {
  const { resources, templates } = useCatalog(session);
  const [selection, setSelection] = useState<Selection>();
  if (resources.unsupported) return <p className="muted">This server offers no resources.</p>;
  const resource = selection?.kind === 'resource' ? resources.items.find((r) => r.uri === selection.uri) : undefined;
  const template = selection?.kind === 'template' ? templates.items.find((t) => t.uriTemplate === selection.uri) : undefined;
  const pickResource = (uri: string) => {
    setSelection({ kind: 'resource', uri });
    void session.readResource(uri);
  };
  return (
    <div className="split">
      <div className="split-list">
        <h3>Resources</h3>
        <ListError listing={resources} what="resources" onRetry={() => void session.refresh('resources')} />
        <VirtualList
          label="Resources"
          className="short"
          count={resources.items.length}
          rowHeight={56}
          renderRow={(i) => {
            const r = resources.items[i];
            const current = selection?.kind === 'resource' && selection.uri === r.uri;
            return (
              <button type="button" className={`item ${current ? 'selected' : ''}`} aria-current={current} onClick={() => pickResource(r.uri)}>
                <span className="item-title">
                  <ItemIcon icons={r.icons} />
                  {r.title ?? r.name} <code className="item-name">{r.uri}</code>
                </span>
                <span className="item-desc">{[r.mimeType, r.description].filter(Boolean).join(' · ')}</span>
              </button>
            );
          }}
        />
        <h3>Templates</h3>
        <ListError listing={templates} what="resource templates" onRetry={() => void session.refresh('templates')} />
        <ul className="plain-list" aria-label="Resource templates">
          {templates.items.map((t) => (
            <li key={t.uriTemplate}>
              <button type="button" className={`item ${template === t ? 'selected' : ''}`} aria-current={template === t} onClick={() => setSelection({ kind: 'template', uri: t.uriTemplate })}>
                <span className="item-title">
                  {t.title ?? t.name} <code className="item-name">{t.uriTemplate}</code>
                </span>
                <span className="item-desc">{t.description}</span>
              </button>
            </li>
          ))}
          {templates.loaded && templates.items.length === 0 && <li className="muted">No templates.</li>}
        </ul>
      </div>
      <div className="split-detail">
        {resource && <ResourceDetail session={session} resource={resource} />}
        {template && <TemplateDetail key={template.uriTemplate} session={session} template={template} />}
        {!resource && !template && <p className="muted">Choose a resource to read it, or a template to fill in.</p>}
        <ReadResult session={session} />
      </div>
    </div>
  );
}
