/**
 * A "Save…" button that opens an inline form in its place: the fields the
 * caller gives, a submit button and Cancel; then what saving answered, as a
 * status or, when it refused, an alert (the form stays open to correct it).
 */
import { useState, type FormEvent, type ReactNode } from 'react';

/** What a save answered; an answer that is `ok` closes the form. */
export interface Said {
  ok: boolean;
  text: string;
}

interface Props {
  /** The text of the button that opens the form. */
  opener: string;
  openerDisabled?: boolean;
  /** The form's accessible name. */
  label: string;
  /** The text of its submit button. */
  submit: string;
  /** Fills the fields in, each time the form opens. */
  onOpen(): void;
  onSave(): Said;
  /** The fields. */
  children: ReactNode;
}

export function SaveForm({ opener, openerDisabled = false, label, submit, onOpen, onSave, children }: Props) {
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState<Said>();
  const start = () => {
    onOpen();
    setSaid(undefined);
    setOpen(true);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const answer = onSave();
    setSaid(answer);
    if (answer.ok) setOpen(false);
  };
  return (
    <>
      {open ? (
        <form className="inline" aria-label={label} onSubmit={save}>
          {children}
          <button type="submit" className="primary">
            {submit}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={start} disabled={openerDisabled}>
          {opener}
        </button>
      )}
      {said && (
        <span role={said.ok ? 'status' : 'alert'} className={said.ok ? 'muted' : 'field-error'}>
          {said.text}
        </span>
      )}
    </>
  );
}
