/** "Load next version…": a bundled example or a .wasm file, loaded beside the server shown as its next version. */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { fromExample, fromFile } from '../../../session/sources.js';
import type { ServerSession } from '../../../session/server-session.js';
import { useApp } from '../../app-context.js';

export function LoadNextVersion({ session }: { session: ServerSession }) {
  const { nextVersions, examples, base } = useApp();
  const servers = examples.filter((e) => e.kind === 'server');
  const [choice, setChoice] = useState(servers[0]?.name ?? '');
  const loadExample = (event: FormEvent) => {
    event.preventDefault();
    const example = servers.find((e) => e.name === choice);
    if (example) void nextVersions.load(session, fromExample(example, base));
  };
  const loadFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void nextVersions.load(session, fromFile(file));
  };
  return (
    <div className="toolbar" aria-label="Load next version">
      <form className="inline" onSubmit={loadExample}>
        <label>
          Next version from example{' '}
          <select value={choice} onChange={(e) => setChoice(e.target.value)}>
            {servers.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={servers.length === 0}>
          Load next version
        </button>
      </form>
      <label className="file-button">
        Load next version from file…
        <input type="file" accept=".wasm,application/wasm" onChange={loadFile} />
      </label>
    </div>
  );
}
