/**
 * The arguments being edited, shared by the generated form and the JSON
 * editor ("the two stay in sync"). The value is the truth
 * while the text parses; while it does not, the form keeps the last good value
 * and the error says why the text is not used.
 */
export interface Draft {
  value: Record<string, unknown>;
  text: string;
  error?: string;
}

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function draftFromValue(value: unknown): Draft {
  const object = asObject(value);
  return { value: object, text: JSON.stringify(object, null, 2) };
}

export function draftFromText(previous: Draft, text: string): Draft {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { value: previous.value, text, error: `not JSON: ${(e as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { value: previous.value, text, error: 'the arguments must be a JSON object' };
  }
  return { value: parsed as Record<string, unknown>, text };
}
