/**
 * A text input that asks the server for completions as you type and
 * offers them as a datalist and as buttons. Late answers for an
 * older value are dropped.
 */
import { useRef, useState } from 'react';

interface Props {
  id: string;
  label: string;
  value: string;
  required?: boolean;
  description?: string;
  onChange(value: string): void;
  complete(value: string): Promise<string[]>;
}

export function CompletionInput({ id, label, value, required = false, description, onChange, complete }: Props) {
  const [options, setOptions] = useState<string[]>([]);
  const seq = useRef(0);
  const ask = (v: string) => {
    const n = ++seq.current;
    complete(v).then(
      (values) => {
        if (n === seq.current) setOptions(values);
      },
      () => {},
    );
  };
  const change = (v: string) => {
    onChange(v);
    ask(v);
  };
  return (
    <div className="field">
      <span className="label-row">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required" title="required" aria-hidden="true">
            *
          </span>
        )}
      </span>
      <input
        id={id}
        type="text"
        list={`${id}-options`}
        value={value}
        required={required}
        autoComplete="off"
        aria-describedby={description ? `${id}-desc` : undefined}
        onChange={(e) => change(e.target.value)}
        onFocus={() => ask(value)}
      />
      <datalist id={`${id}-options`}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      {description && (
        <small id={`${id}-desc`} className="field-desc">
          {description}
        </small>
      )}
      {options.length > 0 && (
        <div className="suggestions" role="group" aria-label={`Suggestions for ${label}`}>
          {options.slice(0, 12).map((o) => (
            <button type="button" key={o} className="chip" onClick={() => change(o)}>
              {o}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
