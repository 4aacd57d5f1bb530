/**
 * The requests the component itself handles. The host runs one of them at a
 * time, in the order they came, so a deadline on one of them counts from when
 * the ones sent before it finished: it is for running, not for waiting in
 * line. Every other request the host answers on its own at once.
 */
const COMPONENT_METHODS: ReadonlySet<string> = new Set([
  'tools/call',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'prompts/get',
  'completion/complete',
]);

export function runsInComponent(method: unknown): boolean {
  return typeof method === 'string' && COMPONENT_METHODS.has(method);
}
