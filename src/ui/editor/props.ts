export interface EditorProps {
  /** Identifies the text model, e.g. `inmemory://server-1/tools/add.json`. */
  modelUri: string;
  value: string;
  onChange?(text: string): void;
  /**
   * Ctrl/Cmd+Enter inside the editor, with the editor's text at that moment
   * (React state may not have caught up with the last keystroke yet).
   */
  onSubmit?(text: string): void;
  /** Accessible name of the editor's text area. */
  label: string;
  language?: 'json' | 'wit';
  /** A JSON Schema for validation and completion (json only). */
  schema?: unknown;
  readOnly?: boolean;
  height?: number | string;
  theme: 'light' | 'dark';
}
