/** A form generated from a JSON Schema field tree (see ../../forms/schema.ts); every control is labelled. */
import { Fragment, type ReactNode } from 'react';
import { enumFromSelect, getIn, newItem, optionLabel, removeAt, setIn, type Field, type Path } from '../../forms/schema.js';
import { EnumChecks, JsonField, NumberField, type ProblemSink } from './form-fields.js';

interface ControlProps {
  field: Field;
  root: unknown;
  path: Path;
  idPrefix: string;
  onChange(next: unknown): void;
  onProblem: ProblemSink | undefined;
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

function Legend({ field }: { field: Field }) {
  return (
    <legend>
      {field.label}
      {field.required && (
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </legend>
  );
}

function Group({ field, root, path, idPrefix, onChange, onProblem, description }: ControlProps & { description: ReactNode }) {
  const value = getIn(root, path);
  const set = (v: unknown) => onChange(setIn(root, path, v));
  if (field.kind === 'array' && field.item.kind === 'enum') {
    return (
      <fieldset className="field-group">
        <Legend field={field} />
        {description}
        <EnumChecks id={idOf(idPrefix, path)} options={field.item.options} titles={field.item.titles} value={value} onChange={set} />
      </fieldset>
    );
  }
  const child = (f: Field, at: Path) => <Control field={f} root={root} path={at} idPrefix={idPrefix} onChange={onChange} onProblem={onProblem} />;
  return (
    <fieldset className="field-group">
      {path.length > 0 && <Legend field={field} />}
      {description}
      {field.kind === 'object' && field.fields.map((f) => <Fragment key={f.key}>{child(f, [...path, f.key])}</Fragment>)}
      {field.kind === 'array' &&
        (Array.isArray(value) ? value : []).map((_, i) => (
          <div className="array-item" key={i}>
            {child({ ...field.item, label: `${field.label}[${i}]` }, [...path, i])}
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
}

function Control(props: ControlProps) {
  const { field, root, path, idPrefix, onChange, onProblem } = props;
  const id = idOf(idPrefix, path);
  const value = getIn(root, path);
  const set = (v: unknown) => onChange(setIn(root, path, v));
  const describedBy = field.description ? `${id}-desc` : undefined;
  const description = field.description && (
    <small id={`${id}-desc`} className="field-desc">
      {field.description}
    </small>
  );
  const text = { id, problemKey: id, label: field.label, required: field.required, describedBy, onProblem };
  switch (field.kind) {
    case 'object':
    case 'array':
      return <Group {...props} description={description} />;
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
            <NumberField
              {...text}
              integer={field.kind === 'integer'}
              minimum={field.minimum}
              maximum={field.maximum}
              value={typeof value === 'number' ? value : undefined}
              onChange={set}
            />
          )}
          {field.kind === 'enum' && (
            <select id={id} value={String(field.options.indexOf(value as never))} aria-describedby={describedBy} onChange={(e) => set(enumFromSelect(field.options, e.target.value))}>
              <option value="-1">(unset)</option>
              {field.options.map((_, i) => (
                <option key={i} value={String(i)}>
                  {optionLabel(field, i)}
                </option>
              ))}
            </select>
          )}
          {field.kind === 'json' && <JsonField {...text} value={value} onChange={set} />}
          {description}
        </div>
      );
  }
}

interface Props {
  field: Field;
  value: unknown;
  onChange(v: unknown): void;
  idPrefix: string;
  /** Told of each field whose text cannot be used (and when it can again). */
  onProblem?: ProblemSink;
}

export function SchemaForm({ field, value, onChange, idPrefix, onProblem }: Props) {
  if (field.kind === 'object' && field.fields.length === 0) return <p className="muted">This tool takes no arguments.</p>;
  return <Control field={field} root={value} path={[]} idPrefix={idPrefix} onChange={onChange} onProblem={onProblem} />;
}
