/**
 * Compares two servers: what they registered (tools by name, resources by
 * URI, templates by URI template, prompts by name, and the server's own
 * info, capabilities and instructions), and the answers the same collection
 * got from each. Answers are compared without `_meta` at any depth and
 * without durations: both vary from one run to the next.
 */
import type { Answer } from './answer.js';
import { differingPaths, withoutMeta } from './json.js';
import type { Registration } from './registration.js';
import type { CollectionRun } from './run.js';

/** One top-level field that differs, and where inside it (empty when the field itself was added or removed or is a scalar). */
export interface FieldChange {
  field: string;
  paths: string[];
}

export interface ItemChange {
  key: string;
  fields: FieldChange[];
}

export interface ListDiff {
  added: string[];
  removed: string[];
  changed: ItemChange[];
}

export interface RegistrationDiff {
  server: FieldChange[];
  tools: ListDiff;
  resources: ListDiff;
  resourceTemplates: ListDiff;
  prompts: ListDiff;
}

export const LISTS = ['tools', 'resources', 'resourceTemplates', 'prompts'] as const;

export function diffRegistrations(old: Registration, next: Registration): RegistrationDiff {
  return {
    server: fieldChanges(serverPart(old), serverPart(next)),
    tools: diffList(old.tools, next.tools, (t) => t.name),
    resources: diffList(old.resources, next.resources, (r) => r.uri),
    resourceTemplates: diffList(old.resourceTemplates, next.resourceTemplates, (t) => t.uriTemplate),
    prompts: diffList(old.prompts, next.prompts, (p) => p.name),
  };
}

export function sameRegistration(diff: RegistrationDiff): boolean {
  return diff.server.length === 0 && LISTS.every((list) => isEmpty(diff[list]));
}

const isEmpty = (d: ListDiff) => d.added.length + d.removed.length + d.changed.length === 0;

function serverPart({ info, capabilities, instructions }: Registration): Record<string, unknown> {
  return { info, capabilities, instructions };
}

function diffList<T extends object>(old: T[], next: T[], keyOf: (item: T) => string): ListDiff {
  const before = new Map(old.map((item) => [keyOf(item), item]));
  const after = new Map(next.map((item) => [keyOf(item), item]));
  const changed: ItemChange[] = [];
  for (const [key, item] of after) {
    const was = before.get(key);
    if (was === undefined) continue;
    const fields = fieldChanges(was as Record<string, unknown>, item as Record<string, unknown>);
    if (fields.length > 0) changed.push({ key, fields });
  }
  return {
    added: [...after.keys()].filter((k) => !before.has(k)),
    removed: [...before.keys()].filter((k) => !after.has(k)),
    changed,
  };
}

/** The top-level fields whose values differ (a field absent on one side counts), each with the paths inside it. */
function fieldChanges(old: Record<string, unknown>, next: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])].sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (old[field] === undefined && next[field] === undefined) continue;
    const paths = differingPaths(old[field], next[field]);
    if (paths.length === 0) continue;
    const inside = old[field] !== undefined && next[field] !== undefined ? paths.filter((p) => p !== '') : [];
    changes.push({ field, paths: inside });
  }
  return changes;
}

export interface AnswerDiff {
  name: string;
  /** JSON Pointers into the answers (`/result/content/0/text`, `/kind` when one is an error and the other a result). */
  paths: string[];
  old: Answer;
  new: Answer;
}

/** The calls, by name, whose answers differ between two runs of the same collection. */
export function diffAnswers(old: CollectionRun, next: CollectionRun): AnswerDiff[] {
  const after = new Map(next.results.map((r) => [r.name, r]));
  const diffs: AnswerDiff[] = [];
  for (const result of old.results) {
    const other = after.get(result.name);
    if (other === undefined) continue;
    const paths = differingPaths(withoutMeta(result.answer), withoutMeta(other.answer));
    if (paths.length > 0) diffs.push({ name: result.name, paths, old: result.answer, new: other.answer });
  }
  return diffs;
}
