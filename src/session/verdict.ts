/** Checks a tool result's structured content against the tool's outputSchema. */
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
import type { CallToolResult, Tool } from '@modelcontextprotocol/client';

export interface Verdict {
  valid: boolean;
  message: string;
}

const validator = new CfWorkerJsonSchemaValidator();

/** Undefined when there is nothing to judge (no output schema, or an error result). */
export function checkStructuredContent(tool: Pick<Tool, 'outputSchema'>, result: CallToolResult): Verdict | undefined {
  if (!tool.outputSchema || result.isError) return undefined;
  if (result.structuredContent === undefined) {
    return { valid: false, message: 'the tool declares an output schema but returned no structured content' };
  }
  const check = validator.getValidator(tool.outputSchema)(result.structuredContent);
  return check.valid
    ? { valid: true, message: 'structured content matches the output schema' }
    : { valid: false, message: `structured content does not match the output schema: ${check.errorMessage}` };
}
