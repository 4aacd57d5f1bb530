/**
 * JSON-RPC error codes this project puts on the wire beside the SDK's
 * `ProtocolErrorCode`. The SDK keeps its timeout and closed-connection
 * failures local (string `SdkErrorCode`s); a host that answers for a
 * component it stopped still owes the client a numeric code, and these are
 * the ones MCP clients have always seen for those cases.
 */

/** The server gave up on a request that ran past its deadline. */
export const REQUEST_TIMEOUT = -32001;

/** The component behind the connection is gone (closed, or failed to start). */
export const CONNECTION_CLOSED = -32000;

/** MCP 2026-07-28 over HTTP: a request header disagrees with the body it travels with (answered with HTTP 400). */
export const HEADER_MISMATCH = -32020;

/**
 * JSON-RPC 2.0's own codes, equal to the SDK's `ProtocolErrorCode` members of
 * the same names (a unit test holds them to it): the transports name them
 * without loading the SDK's client or server package for an enum.
 */
export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;
