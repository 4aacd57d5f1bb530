/**
 * From an elicitation's requestedSchema to the form the person fills in and
 * back to the `content` of an accepted answer. The schema is the
 * flat, primitive-only subset MCP allows, so the tools' schema-to-form
 * mapping (src/ui/forms/schema.ts) covers it: strings, numbers, booleans,
 * enums (plain, titled `oneOf`, multi-select arrays), defaults, required.
 */
import type { ElicitRequestFormParams, ElicitResult } from '@modelcontextprotocol/client';
import { initialValue, missingRequired, toField, type Field } from '../../forms/schema.js';

export type ElicitContent = NonNullable<ElicitResult['content']>;

export function elicitationField(params: ElicitRequestFormParams): Field {
  return toField(params.requestedSchema);
}

/** The form's first value: the schema's defaults. */
export function initialAnswer(field: Field): Record<string, unknown> {
  const value = initialValue(field);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const isAnswerValue = (v: unknown): v is ElicitContent[string] =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/**
 * The content to accept with, or what keeps it from being accepted: required
 * fields left empty, or values the flat answer format cannot carry (only a
 * schema outside MCP's subset produces those).
 */
export function acceptedContent(field: Field, value: Record<string, unknown>): { content: ElicitContent } | { problems: string[] } {
  const missing = missingRequired(field, value);
  const content: ElicitContent = {};
  const unfit: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (isAnswerValue(v)) content[key] = v;
    else unfit.push(key);
  }
  const problems = [...missing.map((k) => `${k} is required`), ...unfit.map((k) => `${k} is not a string, number, boolean or list of strings`)];
  return problems.length ? { problems } : { content };
}
