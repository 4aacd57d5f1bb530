import { describe, expect, test } from 'vitest';
import { decodeParamValue, paramHeaderMismatch, paramHeadersOf } from '../../../src/host/param-headers.js';

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });
const headers = (sent: Record<string, string>) => (name: string) => {
  const found = Object.entries(sent).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return found ? found[1] : null;
};

describe('paramHeadersOf', () => {
  test('declarations on primitive properties reached through properties, at any depth', () => {
    const schema = object({
      region: { type: 'string', 'x-mcp-header': 'Region' },
      limits: object({ count: { type: 'integer', 'x-mcp-header': 'Count' }, dry: { type: 'boolean', 'x-mcp-header': 'Dry-Run' } }),
      note: { type: 'string' },
    });
    expect(paramHeadersOf(schema)).toEqual([
      { path: ['region'], header: 'Mcp-Param-Region', type: 'string' },
      { path: ['limits', 'count'], header: 'Mcp-Param-Count', type: 'integer' },
      { path: ['limits', 'dry'], header: 'Mcp-Param-Dry-Run', type: 'boolean' },
    ]);
    expect(paramHeadersOf(object({ a: { type: 'string' } }))).toEqual([]);
  });

  test('an invalid declaration makes the whole schema invalid: nothing of it is enforced', () => {
    const invalid = [
      object({ tags: { type: 'array', items: { type: 'string', 'x-mcp-header': 'Tag' } } }),
      object({ a: { type: 'string' } }, { anyOf: [object({ a: { type: 'string', 'x-mcp-header': 'A' } })] }),
      object({ a: { type: 'number', 'x-mcp-header': 'A' } }),
      object({ a: { type: 'object', 'x-mcp-header': 'A' } }),
      object({ a: { type: 'string', 'x-mcp-header': 'Has Space' } }),
      object({ a: { type: 'string', 'x-mcp-header': '' } }),
      object({ a: { type: 'string', 'x-mcp-header': 'Same' }, b: { type: 'string', 'x-mcp-header': 'SAME' } }),
      { ...object({}), 'x-mcp-header': 'Root' },
    ];
    for (const schema of invalid) expect(paramHeadersOf(schema)).toBeUndefined();
  });

  test('data keywords are not schemas: an x-mcp-header key inside them annotates nothing', () => {
    expect(paramHeadersOf(object({ a: { type: 'object', default: { 'x-mcp-header': 'A' } } }))).toEqual([]);
  });
});

describe('paramHeaderMismatch', () => {
  const declared = paramHeadersOf(
    object({
      region: { type: 'string', 'x-mcp-header': 'Region' },
      count: { type: 'integer', 'x-mcp-header': 'Count' },
      dry: { type: 'boolean', 'x-mcp-header': 'Dry' },
    }),
  )!;

  test('headers equal to the arguments pass; absent and null arguments expect no header', () => {
    expect(paramHeaderMismatch(declared, { region: 'eu-west', count: 3, dry: false }, headers({ 'mcp-param-region': 'eu-west', 'MCP-PARAM-COUNT': '3', 'Mcp-Param-Dry': 'false' }))).toBeUndefined();
    expect(paramHeaderMismatch(declared, { region: null }, headers({ 'Mcp-Param-Region': 'anything' }))).toBeUndefined();
    expect(paramHeaderMismatch(declared, undefined, headers({}))).toBeUndefined();
  });

  test('integers compare as numbers', () => {
    expect(paramHeaderMismatch(declared, { count: 42 }, headers({ 'Mcp-Param-Count': '42.0' }))).toBeUndefined();
    expect(paramHeaderMismatch(declared, { count: 42 }, headers({ 'Mcp-Param-Count': '43' }))).toMatch(/Mcp-Param-Count header says "43"/);
  });

  test('a missing or different header is named', () => {
    expect(paramHeaderMismatch(declared, { region: 'eu' }, headers({}))).toBe('the body carries arguments.region but the Mcp-Param-Region header is missing');
    expect(paramHeaderMismatch(declared, { region: 'eu' }, headers({ 'Mcp-Param-Region': 'us' }))).toMatch(/says "us" but the body carries arguments.region = "eu"/);
    expect(paramHeaderMismatch(declared, { dry: true }, headers({ 'Mcp-Param-Dry': 'True' }))).toMatch(/Mcp-Param-Dry/);
  });

  test('Base64 values are decoded before comparing; an invalid one is refused', () => {
    expect(paramHeaderMismatch(declared, { region: 'Zürich ' }, headers({ 'Mcp-Param-Region': '=?base64?WsO8cmljaCA=?=' }))).toBeUndefined();
    expect(paramHeaderMismatch(declared, { region: 'Hello' }, headers({ 'Mcp-Param-Region': '=?base64?SGVsbG8?=' }))).toMatch(/not valid Base64/);
  });
});

describe('decodeParamValue', () => {
  test('the sentinel form is decoded; a value without both ends of it is literal', () => {
    expect(decodeParamValue('=?base64?SGVsbG8=?=')).toBe('Hello');
    expect(decodeParamValue('=?base64??=')).toBe('');
    expect(decodeParamValue('SGVsbG8=')).toBe('SGVsbG8=');
    expect(decodeParamValue('=?base64?SGVsbG8=')).toBe('=?base64?SGVsbG8=');
    expect(decodeParamValue('SGVsbG8=?=')).toBe('SGVsbG8=?=');
  });

  test('padding, alphabet and UTF-8 must all be right', () => {
    expect(decodeParamValue('=?base64?SGVsbG8?=')).toBeUndefined();
    expect(decodeParamValue('=?base64?SGVs!!!bG8=?=')).toBeUndefined();
    expect(decodeParamValue('=?base64?SGVsbG8-?=')).toBeUndefined();
    expect(decodeParamValue('=?base64?/w==?=')).toBeUndefined();
  });
});
