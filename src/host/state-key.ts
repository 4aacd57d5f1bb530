/**
 * The shortest key accepted for signing input_required rounds' `requestState`
 * (rounds.ts): the SDK's codec needs 256 bits. A light module: the worker
 * protocol and the CLI import it without the host.
 */
export const STATE_KEY_MIN_BYTES = 32;
