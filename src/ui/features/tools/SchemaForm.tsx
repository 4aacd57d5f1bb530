/** A form generated from a JSON Schema field tree (see ../../forms/schema.ts); every control is labelled. */
import { useState } from 'react';
import { enumFromSelect, getIn, newItem, parseNumber, removeAt, setIn, type Field, type Path } from '../../forms/schema.js';

interface ControlProps {
  field: Field;
  root: unknown;
  path: Path;
  idPrefix: string;
  onChange(next: unknown): void;
}

const idOf = (prefix: string, path: Path) => `${prefix}-${path.join('.').replace(/[^a-zA-Z0-9_.-]/g, '_') || 'root'}`;

/** The star sits outside the <label> so that the accessible name is the field name alone (the input says required). */
function Label({ field, id }: { field: Field; id: string }) {
  return (
    <span className="label-row">
      <label htmlFor={id}>{field.label}</label>
      {field.required && (
        <span className="required" title="required" aria-hidden="true">
          *
        </span>
      )}
    </span>
  );
}

function JsonField({ value, id, onChange }: { value: unknown; id: string; onChange(v: unknown): void }) {
  const serialized = value === undefined ? '' : JSON.stringify(value);
  // `source` is the value the text stands for; a change from elsewhere (the JSON editor) replaces the text.
  const [state, setState] = useState({ text: serialized, source: serialized, error: undefined as string | undefined });
  if (state.source !== serialized) setState({ text: serialized, source: serialized, error: undefined });
  const change = (text: string) => {
    if (text.trim() === '') {
      setState({ text, source: '', error: undefined });
      return onChange(undefined);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      setState({ text, source: JSON.stringify(parsed), error: undefined });
      onChange(parsed);
    } catch (e) {
      setState({ ...state, text, error: (e as Error).message });
    }
  };
  return (
    <>
      <textarea id={id} value={state.text} onChange={(e) => change(e.target.value)} rows={2} spellCheck={false} aria-invalid={state.error !== undefined} />
      {state.error && <small className="field-error">{state.error}</small>}
    </>
  );
}

function Control({ field, root, path, idPrefix, onChange }: ControlProps) {
  const id = idOf(idPrefix, path);
  const value = getIn(root, path);
  const set = (v: unknown) => onChange(setIn(root, path, v));
  const describedBy = field.description ? `${id}-desc` : undefined;
  const description = field.description && (
    <small id={`${id}-desc`} className="field-desc">
      {field.description}
    </small>
  );
  switch (field.kind) {
    case 'object':
    case 'array':
      return (
        <fieldset className="field-group">
          {path.length > 0 && (
            <legend>
              {field.label}
              {field.required && (
                <span className="required" aria-hidden="true">
                  {' '}
                  *
                </span>
              )}
            </legend>
          )}
          {description}
          {field.kind === 'object'
            ? field.fields.map((f) => <Control key={f.key} field={f} root={root} path={[...path, f.key]} idPrefix={idPrefix} onChange={onChange} />)
            : (Array.isArray(value) ? value : []).map((_, i) => (
                <div className="array-item" key={i}>
                  <Control field={{ ...field.item, label: `${field.label}[${i}]` }} root={root} path={[...path, i]} idPrefix={idPrefix} onChange={onChange} />
                  <button type="button" className="small" aria-label={`Remove ${field.label}[${i}]`} onClick={() => onChange(removeAt(root, path, i))}>
                    Remove
                  </button>
                </div>
              ))}
          {field.kind === 'array' && (
            <button type="button" className="small" onClick={() => set([...(Array.isArray(value) ? value : []), newItem(field.item)])}>
              Add {field.label} item
            </button>
          )}
        </fieldset>
      );
    case 'boolean':
      return (
        <div className="field field-check">
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} aria-describedby={describedBy} />
          <Label field={field} id={id} />
          {description}
        </div>
      );
    default:
      return (
        <div className="field">
          <Label field={field} id={id} />
          {field.kind === 'string' && (
            <input
              id={id}
              type="text"
              value={typeof value === 'string' ? value : ''}
              required={field.required}
              aria-describedby={describedBy}
              onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)}
            />
          )}
          {(field.kind === 'number' || field.kind === 'integer') && (
            <input
              id={id}
              type="number"
              step={field.kind === 'integer' ? 1 : 'any'}
              min={field.minimum}
              max={field.maximum}
              value={typeof value === 'number' ? value : ''}
              required={field.required}
              aria-describedby={describedBy}
              onChange={(e) => set(parseNumber(e.target.value, field.kind === 'integer'))}
            />
          )}
          {field.kind === 'enum' && (
            <select id={id} value={String(field.options.indexOf(value as never))} aria-describedby={describedBy} onChange={(e) => set(enumFromSelect(field.options, e.target.value))}>
              <option value="-1">(unset)</option>
              {field.options.map((o, i) => (
                <option key={i} value={String(i)}>
                  {field.titles?.[i] ?? JSON.stringify(o)}
                </option>
              ))}
            </select>
          )}
          {field.kind === 'json' && <JsonField value={value} id={id} onChange={set} />}
          {description}
        </div>
      );
  }
}

export function SchemaForm({ field, value, onChange, idPrefix }: { field: Field; value: unknown; onChange(v: unknown): void; idPrefix: string }) {
  if (field.kind === 'object' && field.fields.length === 0) return <p className="muted">This tool takes no arguments.</p>;
  return <Control field={field} root={value} path={[]} idPrefix={idPrefix} onChange={onChange} />;
}
