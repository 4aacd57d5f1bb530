/** The in-memory directory: its guest path, files uploaded into it, and removing them. */
import type { ChangeEvent } from 'react';
import { withFiles, type SandboxFile } from '../../../session/sandbox.js';
import { bytes } from '../../format.js';

interface Props {
  dirPath: string;
  files: readonly SandboxFile[];
  onDirPath(path: string): void;
  onFiles(files: SandboxFile[]): void;
  idPrefix: string;
}

async function read(list: FileList): Promise<SandboxFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export function FilesField({ dirPath, files, onDirPath, onFiles, idPrefix }: Props) {
  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    if (!input.files || input.files.length === 0) return;
    void read(input.files).then((added) => {
      onFiles(withFiles(files, added));
      // The same file chosen again must fire change again.
      input.value = '';
    });
  };
  return (
    <fieldset className="sandbox-group">
      <legend>Directory</legend>
      <label htmlFor={`${idPrefix}-dir`}>Directory path (guest)</label>
      <input id={`${idPrefix}-dir`} value={dirPath} onChange={(e) => onDirPath(e.target.value)} spellCheck={false} />
      <label className="file-button">
        Upload files
        <input type="file" multiple onChange={upload} />
      </label>
      {files.length === 0 ? (
        <p className="muted">No files: no directory is granted. The component sees the directory once it holds a file.</p>
      ) : (
        <ul className="plain-list" aria-label={`Files in ${dirPath}`}>
          {files.map((f) => (
            <li key={f.name} className="sandbox-file">
              <code>{f.name}</code> <span className="muted">{bytes(f.bytes.length)}</span>{' '}
              <button type="button" className="small" aria-label={`Remove ${f.name}`} onClick={() => onFiles(files.filter((x) => x !== f))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">What the component writes lives in its instance only: a restart starts again from these files.</p>
    </fieldset>
  );
}
