/** The contents of one resource: text shown; binary shown when it is an image or audio, and offered as a download. */
import type { ReadResourceResult } from '@modelcontextprotocol/client';

type Contents = ReadResourceResult['contents'][number];

function fileName(uri: string): string {
  return uri.split(/[/:]/).filter(Boolean).pop() ?? 'resource';
}

export function ResourceBody({ contents }: { contents: Contents }) {
  if ('text' in contents && typeof contents.text === 'string') {
    return <pre className="content-text">{contents.text}</pre>;
  }
  const blob = 'blob' in contents && typeof contents.blob === 'string' ? contents.blob : '';
  const mime = contents.mimeType ?? 'application/octet-stream';
  const url = `data:${mime};base64,${blob}`;
  const bytes = Math.floor((blob.length * 3) / 4) - (blob.endsWith('==') ? 2 : blob.endsWith('=') ? 1 : 0);
  return (
    <div className="content-binary">
      {mime.startsWith('image/') && <img className="content-image" src={url} alt={`${contents.uri} (${mime})`} />}
      {mime.startsWith('audio/') && <audio controls src={url} aria-label={`${contents.uri} (${mime})`} />}
      <a href={url} download={fileName(contents.uri)}>
        Download {fileName(contents.uri)} ({bytes} bytes, {mime})
      </a>
    </div>
  );
}
