/**
 * Monaco, set up once (loaded lazily, only by the editor
 * components in this folder). Only the features and languages the playground
 * uses are pulled in: JSON with schema validation, and a small WIT grammar
 * (no other language definitions).
 */
import * as monaco from 'monaco-editor/editor';
// All editor features: a partial set leaves services unregistered ("depends on UNKNOWN service").
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { registerWit } from './wit-language.js';

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker: (_id: string, label: string): Worker => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

registerWit(monaco);

interface SchemaEntry {
  uri: string;
  fileMatch: string[];
  schema: unknown;
}

const schemas = new Map<string, SchemaEntry>();

/** Wires a JSON Schema to one model, for validation and completion; undefined removes it. */
export function setModelSchema(modelUri: string, schema: unknown): void {
  if (schema === undefined) schemas.delete(modelUri);
  else schemas.set(modelUri, { uri: `${modelUri}.schema.json`, fileMatch: [modelUri], schema });
  jsonDefaults.setDiagnosticsOptions({
    ...jsonDefaults.diagnosticsOptions,
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [...schemas.values()] as NonNullable<typeof jsonDefaults.diagnosticsOptions.schemas>,
  });
}

export { monaco };
