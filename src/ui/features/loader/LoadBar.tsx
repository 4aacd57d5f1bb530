/** The ways to add a server: a bundled example, a file, a component URL, or a running server's URL. */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { fromExample, fromFile, fromUrl, type Example } from '../../../session/sources.js';
import { useApp } from '../../app-context.js';
import { RemoteConnect } from './RemoteConnect.js';

function ExamplePicker({ list }: { list: Example[] }) {
  const { servers, base } = useApp();
  const [choice, setChoice] = useState(list.find((e) => e.kind === 'server')?.name ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const example = list.find((e) => e.name === choice);
    if (example) void servers.open(fromExample(example, base));
  };
  if (list.length === 0) return <span className="muted">No bundled examples (run npm run build:examples)</span>;
  const group = (kind: Example['kind']) =>
    list
      .filter((e) => e.kind === kind)
      .map((e) => (
        <option key={e.name} value={e.name} title={e.description}>
          {e.name}
        </option>
      ));
  return (
    <form className="inline" onSubmit={submit}>
      <label>
        Example{' '}
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <optgroup label="Servers">{group('server')}</optgroup>
          <optgroup label="Hostile (for testing)">{group('hostile')}</optgroup>
        </select>
      </label>
      <button type="submit">Load example</button>
    </form>
  );
}

export function LoadBar() {
  const { servers, base, examples } = useApp();
  const [url, setUrl] = useState('');
  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    for (const file of Array.from(event.target.files ?? [])) void servers.open(fromFile(file));
    event.target.value = '';
  };
  const onUrl = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) void servers.open(fromUrl(url.trim(), base));
  };
  return (
    <div className="load-bar">
      <ExamplePicker list={examples} />
      <label className="file-button">
        Open .wasm file…
        <input type="file" accept=".wasm,application/wasm" multiple onChange={onFiles} />
      </label>
      <form className="inline" onSubmit={onUrl} noValidate>
        <input type="url" aria-label="Component URL" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/component.wasm" />
        <button type="submit">Load URL</button>
      </form>
      <RemoteConnect />
    </div>
  );
}
