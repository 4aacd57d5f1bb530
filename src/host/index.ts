/** The host core: no DOM, no Node built-ins, no React. Entry points wrap it. */
export { ComponentHost, DEFAULT_MEMORY_LIMIT, GuestError, type HostOptions, type HostTimings, type Platform } from './component.js';
export {
  describeError,
  ERROR_CODES,
  HostError,
  isErrorCode,
  toWireError,
  type ErrorCode,
  type ErrorReport,
  type HostErrorCode,
} from './errors.js';
export { RpcError, toMcpError } from './errors-mcp.js';
export { checkBytes, checkSize, MAX_COMPONENT_BYTES } from './file-check.js';
export { checkWorld, type LoadStage, type World } from './load.js';
export { LIMITS, Registry } from './registry.js';
export { capabilitiesOf, createServerFactory, type ServerFactory } from './server.js';
export { serveConnection, type Connection } from './connection.js';
export type {
  Denial,
  DenialListener,
  FileTree,
  InputHandler,
  OutputHandler,
  OutputListener,
  OutputStreamName,
  WasiGrants,
  WasiShimModules,
} from './wasi.js';
export type { FilesystemAdapter, Mount } from './preopens.js';
export { cacheKey, TRANSPILER, type Transpiled, type TranspileCache } from './transpile.js';
