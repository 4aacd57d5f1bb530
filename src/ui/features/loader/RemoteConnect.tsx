/** Adds a server that already runs somewhere, by its Streamable HTTP URL (docs/remote-servers.md). */
import { useState, type FormEvent } from 'react';
import { useApp } from '../../app-context.js';
import './remote-connect.css';

export function RemoteConnect() {
  const { servers } = useApp();
  const [url, setUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) void servers.connect(url.trim());
  };
  return (
    <form className="inline remote-connect" onSubmit={submit} noValidate>
      <input type="url" aria-label="MCP server URL" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://127.0.0.1:3000/mcp" />
      <button type="submit">Connect to MCP server URL</button>
    </form>
  );
}
