/**
 * A sampling request: what the server asks the model, and the
 * reply the person writes in the model's place. Send answers it; Reject
 * answers with a JSON-RPC error. Ctrl/Cmd+Enter sends.
 */
import type { CreateMessageRequestParams, CreateMessageResult, SamplingMessage } from '@modelcontextprotocol/client';
import { useState, type KeyboardEvent } from 'react';
import { ContentBlocks } from '../../components/ContentBlocks.js';
import { JsonView } from '../../components/JsonView.js';
import { initialReply, samplingResult, samplingSettings, STOP_REASONS, type SamplingReply } from './sampling.js';

interface Props {
  params: CreateMessageRequestParams;
  idPrefix: string;
  onSend(result: CreateMessageResult): void;
  onReject(): void;
}

function MessageContent({ content }: { content: SamplingMessage['content'] }) {
  const blocks = Array.isArray(content) ? content : [content];
  return (
    <>
      {blocks.map((block, i) =>
        block.type === 'text' || block.type === 'image' || block.type === 'audio' ? (
          <ContentBlocks key={i} blocks={[block]} />
        ) : (
          <JsonView key={i} value={block} label={block.type} />
        ),
      )}
    </>
  );
}

export function SamplingRequest({ params, idPrefix, onSend, onReject }: Props) {
  const [reply, setReply] = useState<SamplingReply>(() => initialReply(params));
  const edit = (change: Partial<SamplingReply>) => setReply((r) => ({ ...r, ...change }));
  const send = () => onSend(samplingResult(reply));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };
  return (
    <>
      {params.systemPrompt && (
        <div className="ask-system">
          <h4>System prompt</h4>
          <pre className="content-text">{params.systemPrompt}</pre>
        </div>
      )}
      <ol className="ask-messages" aria-label="Messages">
        {params.messages.map((m, i) => (
          <li key={i} className={`ask-message ${m.role}`}>
            <span className="ask-role">{m.role}</span>
            <MessageContent content={m.content} />
          </li>
        ))}
      </ol>
      <dl className="ask-settings">
        {samplingSettings(params).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <form className="ask-form" aria-label="Reply" onKeyDown={onKeyDown} onSubmit={(e) => (e.preventDefault(), send())}>
        <div className="field">
          <label htmlFor={`${idPrefix}-text`}>Reply text</label>
          <textarea id={`${idPrefix}-text`} rows={4} value={reply.text} onChange={(e) => edit({ text: e.target.value })} />
        </div>
        <div className="ask-row">
          <div className="field">
            <label htmlFor={`${idPrefix}-model`}>Model</label>
            <input id={`${idPrefix}-model`} type="text" value={reply.model} onChange={(e) => edit({ model: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-stop`}>Stop reason</label>
            <input id={`${idPrefix}-stop`} type="text" list={`${idPrefix}-stops`} value={reply.stopReason} onChange={(e) => edit({ stopReason: e.target.value })} />
            <datalist id={`${idPrefix}-stops`}>
              {STOP_REASONS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="primary" aria-keyshortcuts="Control+Enter Meta+Enter">
            Send reply
          </button>
          <button type="button" onClick={onReject}>
            Reject
          </button>
          <span className="muted kbd-hint">Ctrl/⌘+Enter sends</span>
        </div>
      </form>
    </>
  );
}
