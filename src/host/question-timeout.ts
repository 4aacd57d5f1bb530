/**
 * How long a component waits for the client to answer a question
 * (sampling, elicitation, roots), in either protocol era. A person answers
 * it, so it is far longer than a request deadline. A light module: the
 * page's supervisor imports it without the host.
 */
export const QUESTION_TIMEOUT_MS = 10 * 60_000;
