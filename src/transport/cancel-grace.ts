/**
 * How long a request the client cancelled may still run in its component
 * before the supervisor restarts the component. A module of its own, so that
 * the CLI's usage text can name it without loading the supervisor and the SDK.
 */
export const DEFAULT_CANCEL_GRACE_MS = 500;
