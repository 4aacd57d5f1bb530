import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import { expect, it } from 'vitest';
import { INTERNAL_ERROR, INVALID_PARAMS, INVALID_REQUEST, PARSE_ERROR } from '../../../src/host/rpc-codes.js';

it("names JSON-RPC's own codes as the SDK does", () => {
  expect({ PARSE_ERROR, INVALID_REQUEST, INVALID_PARAMS, INTERNAL_ERROR }).toEqual({
    PARSE_ERROR: ProtocolErrorCode.ParseError,
    INVALID_REQUEST: ProtocolErrorCode.InvalidRequest,
    INVALID_PARAMS: ProtocolErrorCode.InvalidParams,
    INTERNAL_ERROR: ProtocolErrorCode.InternalError,
  });
});
