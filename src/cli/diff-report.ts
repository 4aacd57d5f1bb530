/** A comparison of two components as text: what changed in their registrations, then which answers differ and how. */
import type { AnswerDiff, FieldChange, ListDiff, RegistrationDiff } from '../collections/diff.js';
import { LISTS } from '../collections/diff.js';
import { preview, resolvePointer, withoutMeta } from '../collections/json.js';

/** Differing paths shown per answer, with the value on each side. */
const SHOWN_PATHS = 5;

const NOUN: Record<(typeof LISTS)[number], string> = {
  tools: 'tool',
  resources: 'resource',
  resourceTemplates: 'resource template',
  prompts: 'prompt',
};

const fieldText = ({ field, paths }: FieldChange) => (paths.length === 0 ? field : `${field} at ${paths.join(', ')}`);

function listLines(list: (typeof LISTS)[number], diff: ListDiff): string[] {
  const lines: string[] = [];
  if (diff.added.length > 0) lines.push(`  ${list} added: ${diff.added.join(', ')}`);
  if (diff.removed.length > 0) lines.push(`  ${list} removed: ${diff.removed.join(', ')}`);
  for (const { key, fields } of diff.changed) lines.push(`  ${NOUN[list]} ${key} changed: ${fields.map(fieldText).join('; ')}`);
  return lines;
}

export function registrationText(diff: RegistrationDiff): string[] {
  const lines = [
    ...(diff.server.length > 0 ? [`  server changed: ${diff.server.map(fieldText).join('; ')}`] : []),
    ...LISTS.flatMap((list) => listLines(list, diff[list])),
  ];
  return lines.length === 0 ? ['registrations: the same'] : ['registrations differ:', ...lines];
}

export function answersText(diffs: AnswerDiff[], calls: number): string[] {
  if (diffs.length === 0) return [`answers: the same for all ${calls} calls`];
  const lines = [`answers differ for ${diffs.length} of ${calls} calls:`];
  for (const diff of diffs) {
    lines.push(`  ${diff.name}:`);
    const old = withoutMeta(diff.old);
    const next = withoutMeta(diff.new);
    for (const path of diff.paths.slice(0, SHOWN_PATHS)) {
      lines.push(`    ${path === '' ? '(whole answer)' : path}: ${side(old, path)} → ${side(next, path)}`);
    }
    if (diff.paths.length > SHOWN_PATHS) lines.push(`    and ${diff.paths.length - SHOWN_PATHS} more`);
  }
  return lines;
}

function side(answer: unknown, path: string): string {
  const at = resolvePointer(answer, path);
  return at.found ? preview(at.value, 80) : '(absent)';
}
