/** A SupervisedTransport for one client session, reporting restarts on stderr. */
import { SupervisedTransport, type WorkerLink } from '../transport/supervised.js';
import { note } from './diagnostics.js';

export interface Supervised {
  transport: SupervisedTransport;
  /** Set once the supervisor gave up (crash loop): the session ends with a runtime failure. */
  readonly gaveUp: string | undefined;
}

export function supervise(spawn: () => Promise<WorkerLink>, timeoutMs: number, who: string): Supervised {
  const state: { gaveUp: string | undefined } = { gaveUp: undefined };
  const transport = new SupervisedTransport({
    spawn,
    timeoutMs,
    onEvent: (event) => {
      if (event.type === 'restarting') note(`${who}: restarting the component (${event.reason.code}): ${event.reason.message}`);
      else if (event.type === 'restarted') note(`${who}: the component is running again (restart ${event.restarts})`);
      else {
        state.gaveUp = event.reason.message;
        note(`${who}: ${event.reason.message}`);
      }
    },
  });
  return {
    transport,
    get gaveUp() {
      return state.gaveUp;
    },
  };
}
