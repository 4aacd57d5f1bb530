/**
 * MCP content as people expect to see it: text as text,
 * images shown, audio playable, embedded resources inline, resource links
 * clickable (the caller reads the resource).
 */
import type { ContentBlock } from '@modelcontextprotocol/client';
import { safeMime } from './binary-content.js';
import { ContentImage } from './ContentImage.js';
import { ResourceBody } from './ResourceBody.js';

interface Props {
  blocks: readonly ContentBlock[];
  onOpenLink?(uri: string): void;
}

function Block({ block, onOpenLink }: { block: ContentBlock; onOpenLink?(uri: string): void }) {
  switch (block.type) {
    case 'text':
      return <pre className="content-text">{block.text}</pre>;
    case 'image':
      return (
        <ContentImage className="content-image" src={`data:${safeMime(block.mimeType)};base64,${block.data}`} alt={`image (${block.mimeType})`} />
      );
    case 'audio':
      return (
        <audio
          className="content-audio"
          controls
          src={`data:${safeMime(block.mimeType)};base64,${block.data}`}
          aria-label={`audio (${block.mimeType})`}
        />
      );
    case 'resource':
      return (
        <div className="content-resource">
          <div className="content-meta">
            Embedded resource <code>{block.resource.uri}</code>
          </div>
          <ResourceBody contents={block.resource} />
        </div>
      );
    case 'resource_link':
      return (
        <div className="content-link">
          <button type="button" className="link" onClick={() => onOpenLink?.(block.uri)} disabled={!onOpenLink}>
            Open resource {block.uri}
          </button>
          {block.description && <span className="muted"> {block.description}</span>}
          {block.mimeType && <span className="muted"> ({block.mimeType})</span>}
        </div>
      );
    default:
      return <pre className="json">{JSON.stringify(block, null, 2)}</pre>;
  }
}

export function ContentBlocks({ blocks, onOpenLink }: Props) {
  return (
    <ul className="content-blocks" aria-label="Content">
      {blocks.map((block, i) => (
        <li key={i} data-content-type={block.type}>
          <Block block={block} onOpenLink={onOpenLink} />
        </li>
      ))}
    </ul>
  );
}
