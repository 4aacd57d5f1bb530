/**
 * `wasi-mcp serve --http`, MCP 2026-07-28: a tool call's Mcp-Param-* headers
 * must agree with the arguments its input schema marks with x-mcp-header
 * (the conformance component's test_custom_header: `region` as
 * Mcp-Param-Region); a disagreement is HTTP 400 with -32020 and never
 * reaches the component.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { envelopeMeta } from '../../helpers/envelope.js';
import { examplePath } from '../../helpers/examples.js';
import { postToolCall, startHttp, type HttpServer } from '../../helpers/cli.js';

describe('Mcp-Param-* headers on tools/call', () => {
  let server: HttpServer;
  let next = 0;

  beforeAll(async () => {
    server = await startHttp([examplePath('conformance')]);
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  /** A tools/call of test_custom_header with the standard headers and, when given, Mcp-Param-Region. */
  const call = (region: string | null, header?: string) =>
    postToolCall(server.url, {
      name: 'test_custom_header',
      arguments: region === null ? {} : { region },
      headers: header === undefined ? {} : { 'mcp-param-region': header },
    });

  test('the tool declares the header in tools/list', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++next, method: 'tools/list', params: { _meta: envelopeMeta() } }),
    });
    const { result } = (await response.json()) as { result: { tools: { name: string; inputSchema: unknown }[] } };
    expect(result.tools.find((t) => t.name === 'test_custom_header')?.inputSchema).toMatchObject({
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
    });
  });

  test('a header equal to the argument, literal or Base64, reaches the component', async () => {
    const greeting = { status: 200, body: { result: { content: [{ type: 'text', text: 'Region: Zürich' }] } } };
    expect(await call('Zürich', '=?base64?WsO8cmljaA==?=')).toMatchObject(greeting);
    expect(await call('eu-west', 'eu-west')).toMatchObject({ status: 200, body: { result: { content: [{ text: 'Region: eu-west' }] } } });
    // Without both ends of the sentinel a value is literal.
    expect(await call('=?base64?SGVsbG8=', '=?base64?SGVsbG8=')).toMatchObject({ status: 200, body: { result: {} } });
  });

  test('an argument the body leaves out expects no header', async () => {
    const answer = await call(null, 'ignored');
    // The component's own check answers: region is required (not a header mismatch).
    expect(answer.body.error?.code).not.toBe(-32020);
  });

  test('a missing, different or badly encoded header is 400 with -32020, naming the header', async () => {
    const cases: [string, string | undefined, RegExp][] = [
      ['eu-west', undefined, /Mcp-Param-Region header is missing/],
      ['eu-west', 'us-east', /Mcp-Param-Region header says "us-east" but the body carries arguments.region = "eu-west"/],
      ['Hello', '=?base64?SGVsbG8?=', /Mcp-Param-Region header is not valid Base64/],
      ['Hello', '=?base64?SGVs!!!bG8=?=', /Mcp-Param-Region header is not valid Base64/],
    ];
    for (const [region, header, message] of cases) {
      const answer = await call(region, header);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: -32020, message: expect.stringMatching(message) });
    }
  });
});
