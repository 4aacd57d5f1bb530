/** The contents of one resource: text shown; binary shown when it is an image or audio, and offered as a download. */
import type { ReadResourceResult } from '@modelcontextprotocol/client';
import { downloadName, safeMime } from './binary-content.js';
import { ContentImage } from './ContentImage.js';

type Contents = ReadResourceResult['contents'][number];

export function ResourceBody({ contents }: { contents: Contents }) {
  if ('text' in contents && typeof contents.text === 'string') {
    return <pre className="content-text">{contents.text}</pre>;
  }
  const blob = 'blob' in contents && typeof contents.blob === 'string' ? contents.blob : '';
  const mime = safeMime(contents.mimeType);
  const url = `data:${mime};base64,${blob}`;
  const name = downloadName(contents.uri);
  const bytes = Math.floor((blob.length * 3) / 4) - (blob.endsWith('==') ? 2 : blob.endsWith('=') ? 1 : 0);
  return (
    <div className="content-binary">
      {mime.startsWith('image/') && <ContentImage className="content-image" src={url} alt={`${contents.uri} (${mime})`} />}
      {mime.startsWith('audio/') && <audio controls src={url} aria-label={`${contents.uri} (${mime})`} />}
      {/* Downloaded as opaque bytes: the link never opens as the type the component named. */}
      <a href={`data:application/octet-stream;base64,${blob}`} download={name}>
        Download {name} ({bytes} bytes, {mime})
      </a>
    </div>
  );
}
