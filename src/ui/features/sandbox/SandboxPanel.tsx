/**
 * One server's sandbox: what it may reach and how far it may go,
 * and what it was refused. Its memory use is in the workspace header.
 */
import type { ServerSession } from '../../../session/server-session.js';
import { DenialList } from './DenialList.js';
import { SandboxForm } from './SandboxForm.js';

export function SandboxPanel({ session }: { session: ServerSession }) {
  return (
    <div className="sandbox">
      <p className="muted">
        Deny by default: the component always has clocks, random numbers and captured stdout/stderr, and only what is granted here besides.
      </p>
      <div className="columns">
        <SandboxForm session={session} />
        <DenialList session={session} />
      </div>
    </div>
  );
}
