/**
 * The form's text-backed fields: each keeps what is typed, shows why it
 * cannot be used, and tells the form (`onProblem`), which then refuses to
 * send. A change from elsewhere (the JSON editor) replaces the text.
 */
import { useEffect, useState } from 'react';
import { optionLabel, parseNumber, type EnumValue } from '../../forms/schema.js';
import styles from './form-fields.module.css';

/** Reports a field's problem under `key`; a field that goes away takes its problem with it. */
export type ProblemSink = (key: string, problem: string | undefined) => void;

function useProblem(key: string, problem: string | undefined, onProblem: ProblemSink | undefined): void {
  useEffect(() => onProblem?.(key, problem), [key, problem, onProblem]);
  useEffect(() => () => onProblem?.(key, undefined), [key, onProblem]);
}

/** Text standing for `serialized`, replaced when `serialized` changes from outside. */
function useDraftText(serialized: string) {
  const [state, setState] = useState({ text: serialized, source: serialized, problem: undefined as string | undefined });
  if (state.source !== serialized) setState({ text: serialized, source: serialized, problem: undefined });
  return [state, setState] as const;
}

interface TextFieldProps<T> {
  id: string;
  problemKey: string;
  label: string;
  value: T | undefined;
  required: boolean;
  describedBy: string | undefined;
  onChange(value: T | undefined): void;
  onProblem: ProblemSink | undefined;
}

export function JsonField({ id, problemKey, label, value, required, describedBy, onChange, onProblem }: TextFieldProps<unknown>) {
  const [state, setState] = useDraftText(value === undefined ? '' : JSON.stringify(value));
  useProblem(problemKey, state.problem && `${label}: ${state.problem}`, onProblem);
  const change = (text: string) => {
    if (text.trim() === '') {
      setState({ text, source: '', problem: undefined });
      return onChange(undefined);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      setState({ text, source: JSON.stringify(parsed), problem: undefined });
      onChange(parsed);
    } catch (e) {
      setState({ ...state, text, problem: `not JSON: ${(e as Error).message}` });
    }
  };
  return (
    <>
      <textarea
        id={id}
        value={state.text}
        onChange={(e) => change(e.target.value)}
        rows={3}
        spellCheck={false}
        required={required}
        placeholder="JSON"
        aria-invalid={state.problem !== undefined}
        aria-describedby={[describedBy, state.problem && `${id}-problem`].filter(Boolean).join(' ') || undefined}
        className={styles.json}
      />
      {state.problem && (
        <small id={`${id}-problem`} className="field-error">
          {state.problem}
        </small>
      )}
    </>
  );
}

export function NumberField({ id, problemKey, label, value, required, describedBy, onChange, onProblem, integer, minimum, maximum }: TextFieldProps<number> & { integer: boolean; minimum?: number; maximum?: number }) {
  const [state, setState] = useDraftText(value === undefined ? '' : String(value));
  useProblem(problemKey, state.problem && `${label}: ${state.problem}`, onProblem);
  const change = (text: string) => {
    const parsed = parseNumber(text, integer);
    if ('problem' in parsed) {
      // Nothing is sent for a value that is not one: the problem stops the call.
      setState({ text, source: '', problem: parsed.problem });
      return onChange(undefined);
    }
    setState({ text, source: parsed.value === undefined ? '' : String(parsed.value), problem: undefined });
    onChange(parsed.value);
  };
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        value={state.text}
        required={required}
        aria-invalid={state.problem !== undefined}
        aria-describedby={[describedBy, state.problem && `${id}-problem`].filter(Boolean).join(' ') || undefined}
        placeholder={[minimum !== undefined && `≥ ${minimum}`, maximum !== undefined && `≤ ${maximum}`].filter(Boolean).join(', ') || undefined}
        onChange={(e) => change(e.target.value)}
      />
      {state.problem && (
        <small id={`${id}-problem`} className="field-error">
          {state.problem}
        </small>
      )}
    </>
  );
}

/** A multi-select (an array of enum values) as one checkbox per option, kept in the options' order. */
export function EnumChecks({ id, options, titles, value, onChange }: { id: string; options: EnumValue[]; titles?: string[]; value: unknown; onChange(v: EnumValue[] | undefined): void }) {
  const chosen = Array.isArray(value) ? value : [];
  const toggle = (option: EnumValue, on: boolean) => {
    const next = options.filter((o) => (o === option ? on : chosen.includes(o)));
    onChange(next.length ? next : undefined);
  };
  return (
    <div className={styles.checks}>
      {options.map((option, i) => (
        <label key={i} className={styles.check} htmlFor={`${id}-${i}`}>
          <input id={`${id}-${i}`} type="checkbox" checked={chosen.includes(option)} onChange={(e) => toggle(option, e.target.checked)} />
          {optionLabel({ options, titles }, i)}
        </label>
      ))}
    </div>
  );
}
