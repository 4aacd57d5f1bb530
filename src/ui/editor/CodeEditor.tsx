/** One Monaco editor on one model. Loaded lazily through ./index.tsx; never import it directly. */
import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import { monaco, setModelSchema } from './monaco.js';
import styles from './Editor.module.css';
import type { EditorProps } from './props.js';

export default function CodeEditor(props: EditorProps) {
  const { modelUri, language = 'json', readOnly = false, label, theme, value, schema } = props;
  const host = useRef<HTMLDivElement>(null);
  const model = useRef<Monaco.editor.ITextModel | null>(null);
  // Callbacks change on every render; the editor is created once per model.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const uri = monaco.Uri.parse(modelUri);
    const m = monaco.editor.getModel(uri) ?? monaco.editor.createModel(latest.current.value, language, uri);
    model.current = m;
    const editor = monaco.editor.create(host.current!, {
      model: m,
      readOnly,
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      wordWrap: 'on',
      lineNumbersMinChars: 3,
      fixedOverflowWidgets: true,
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onSubmit?.(m.getValue()));
    // Tab indents, so it cannot also leave: after Esc, the next Tab or Shift+Tab moves the focus out
    // (Monaco's tab-focus mode, for this editor only); any other key, or leaving, ends that.
    const keys = editor.onKeyDown((e) => {
      const moving = e.keyCode === monaco.KeyCode.Escape || e.keyCode === monaco.KeyCode.Tab || e.keyCode === monaco.KeyCode.Shift;
      if (e.keyCode === monaco.KeyCode.Escape) editor.updateOptions({ tabFocusMode: true });
      else if (!moving) editor.updateOptions({ tabFocusMode: false });
    });
    const blur = editor.onDidBlurEditorText(() => editor.updateOptions({ tabFocusMode: false }));
    const changes = m.onDidChangeContent(() => {
      const text = m.getValue();
      if (text !== latest.current.value) latest.current.onChange?.(text);
    });
    return () => {
      keys.dispose();
      blur.dispose();
      changes.dispose();
      editor.dispose();
      m.dispose();
      model.current = null;
    };
  }, [modelUri, language, readOnly, label]);

  // The value may change outside the editor (the form, a new result): apply it as an edit, keeping undo.
  useEffect(() => {
    const m = model.current;
    if (m && m.getValue() !== value) m.pushEditOperations([], [{ range: m.getFullModelRange(), text: value }], () => null);
  }, [value]);

  useEffect(() => {
    if (language !== 'json') return;
    setModelSchema(modelUri, schema);
    return () => setModelSchema(modelUri, undefined);
  }, [modelUri, schema, language]);

  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);

  return <div ref={host} className={styles.editor} style={{ height: props.height ?? 240 }} data-testid={`editor ${label}`} />;
}
