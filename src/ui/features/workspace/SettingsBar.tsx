/** Theme and request deadline, saved in localStorage (see src/session/settings.ts). */
import { useState, type FormEvent } from 'react';
import { DEADLINE_RANGE_MS } from '../../../session/sandbox-draft.js';
import { useApp } from '../../app-context.js';
import { useSettings } from '../../hooks/stores.js';
import styles from './SettingsBar.module.css';

/** The deadline a draft stands for, or why it stands for none. */
function parseDeadline(text: string): { ms: number } | { problem: string } {
  const ms = Number(text.trim());
  const { min, max } = DEADLINE_RANGE_MS;
  if (text.trim() === '' || !Number.isInteger(ms) || ms < min || ms > max) return { problem: `Between ${min} and ${max} ms` };
  return { ms };
}

/**
 * The field keeps what is typed as a draft: a number input bound to the saved
 * setting would snap every keystroke back to a valid value. The draft is
 * saved on Enter or when the field loses the focus, if it is in range.
 */
function DeadlineField() {
  const { settings } = useApp();
  const { deadlineMs } = useSettings(settings);
  const [draft, setDraft] = useState<string>();
  const text = draft ?? String(deadlineMs);
  const parsed = parseDeadline(text);
  const problem = draft !== undefined && 'problem' in parsed ? parsed.problem : undefined;
  const commit = () => {
    if (!('ms' in parsed)) return;
    settings.change({ deadlineMs: parsed.ms });
    setDraft(undefined);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    commit();
  };
  return (
    <form className={styles.deadline} onSubmit={submit} noValidate>
      <label htmlFor="deadline-ms">Request deadline (ms)</label>
      <input
        id="deadline-ms"
        type="text"
        inputMode="numeric"
        className={styles.number}
        value={text}
        aria-invalid={problem !== undefined}
        aria-describedby={problem ? 'deadline-problem deadline-note' : 'deadline-note'}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
      />
      {problem && (
        <small id="deadline-problem" className={styles.error} role="alert">
          {problem}
        </small>
      )}
      <small id="deadline-note" className={styles.note}>
        Applies to servers loaded from now on
        <span className={styles.wide}> (a loaded one: its Sandbox tab)</span>
      </small>
    </form>
  );
}

export function SettingsBar() {
  const { settings } = useApp();
  const { theme } = useSettings(settings);
  const dark = theme === 'dark';
  return (
    <div className={styles.bar}>
      <DeadlineField />
      <button type="button" aria-pressed={dark} onClick={() => settings.change({ theme: dark ? 'light' : 'dark' })}>
        Dark theme
      </button>
    </div>
  );
}
