/** The only way into Monaco: the editor chunk (and Monaco) load on first use. */
import { lazy, Suspense } from 'react';
import styles from './Editor.module.css';
import type { EditorProps } from './props.js';

const CodeEditor = lazy(() => import('./CodeEditor.js'));

export function Editor(props: EditorProps) {
  return (
    <>
      <Suspense fallback={<div className={`${styles.editor} ${styles.loading}`} style={{ height: props.height ?? 240 }}>Loading editor…</div>}>
        <CodeEditor {...props} />
      </Suspense>
      {!props.readOnly && <small className="muted">Tab indents; Esc then Tab (or Shift+Tab) leaves the editor.</small>}
    </>
  );
}

export type { EditorProps };
