/**
 * Holds one call's answer against its expectations: every expectation that
 * fails gives one reason, saying what was expected and what came instead.
 */
import type { CallToolResult, Tool } from '@modelcontextprotocol/client';
import { checkStructuredContent } from '../session/verdict.js';
import { describeAnswer, type Answer } from './answer.js';
import type { Check, Expect } from './format.js';
import { deepEqual, preview, resolvePointer } from './json.js';

/** The tools tools/list gave, for outputSchema; a string says why there is no list. */
export type ToolList = ReadonlyMap<string, Tool> | string;

export interface Judged {
  answer: Answer;
  durationMs: number;
  /** The tool a tools/call named, when the call checks its outputSchema. */
  toolName?: string;
  tools?: ToolList;
}

export function judge(expect: Expect, { answer, durationMs, toolName, tools }: Judged): string[] {
  const reasons = [...outcomeReasons(expect, answer)];
  if (reasons.length === 0 && answer.kind !== 'failed') {
    const root = answer.kind === 'result' ? answer.result : answer.error;
    if (expect.isError !== undefined && answer.kind === 'result') {
      const isError = answer.result.isError === true;
      if (isError !== expect.isError) reasons.push(`expected isError: ${expect.isError}, got ${isError}`);
    }
    for (const check of expect.checks ?? []) reasons.push(...checkReasons(check, root));
    if (expect.outputSchema && answer.kind === 'result') {
      const problem = outputSchemaProblem(answer.result, toolName, tools);
      if (problem !== undefined) reasons.push(`outputSchema: ${problem}`);
    }
  }
  if (expect.maxMs !== undefined && durationMs > expect.maxMs) {
    reasons.push(`took ${Math.round(durationMs)} ms, over the ${expect.maxMs} ms budget`);
  }
  return reasons;
}

/** Whether the answer is of the expected kind; when it is not, nothing else about it is judged. */
function outcomeReasons(expect: Expect, answer: Answer): string[] {
  if (expect.error !== undefined) {
    if (answer.kind === 'error' && answer.error.code === expect.error) return [];
    return [`expected error ${expect.error}, got ${describeAnswer(answer)}`];
  }
  return answer.kind === 'result' ? [] : [`expected a result, got ${describeAnswer(answer)}`];
}

export function checkReasons(check: Check, root: unknown): string[] {
  const at = resolvePointer(root, check.path);
  const where = check.path === '' ? '(whole answer)' : check.path;
  if (!at.found) return [`${where}: no value there`];
  const actual = at.value;
  const reasons: string[] = [];
  if ('equals' in check && !deepEqual(check.equals, actual)) {
    reasons.push(`${where}: expected ${preview(check.equals)}, got ${preview(actual)}`);
  }
  if (check.matches !== undefined) {
    if (typeof actual !== 'string') reasons.push(`${where}: expected a string matching /${check.matches}/, got ${preview(actual)}`);
    else if (!new RegExp(check.matches, 'u').test(actual)) reasons.push(`${where}: ${preview(actual)} does not match /${check.matches}/`);
  }
  if (check.contains !== undefined) {
    if (typeof actual !== 'string') reasons.push(`${where}: expected a string containing ${preview(check.contains)}, got ${preview(actual)}`);
    else if (!actual.includes(check.contains)) reasons.push(`${where}: ${preview(actual)} does not contain ${preview(check.contains)}`);
  }
  return reasons;
}

function outputSchemaProblem(result: Record<string, unknown>, toolName: string | undefined, tools: ToolList | undefined): string | undefined {
  if (typeof tools === 'string') return tools;
  const tool = toolName === undefined ? undefined : tools?.get(toolName);
  if (tool === undefined) return `tool ${toolName ?? '(none)'} is not in tools/list`;
  if (!tool.outputSchema) return `tool ${tool.name} declares no outputSchema`;
  if (result.isError === true) return 'the result has isError: true, so there is no structured content to check';
  const verdict = checkStructuredContent(tool, result as CallToolResult);
  return verdict === undefined || verdict.valid ? undefined : verdict.message;
}
