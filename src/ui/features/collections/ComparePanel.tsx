/**
 * The Compare tab: a second build loaded beside the server shown as its next
 * version (its own worker, not in the server list), what changed in its
 * registration, and which answers of a collection differ between the two.
 */
import type { NextVersion } from '../../../session/next-versions.js';
import type { ServerSession } from '../../../session/server-session.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { useApp } from '../../app-context.js';
import { useNextVersions, useOutcome } from '../../hooks/collections.js';
import { useStatus } from '../../hooks/stores.js';
import { AnswersCompare } from './AnswersCompare.js';
import { LoadNextVersion } from './LoadNextVersion.js';
import { RegistrationDiffView } from './RegistrationDiffView.js';
import './collections.css';

function NextVersionView({ main, version }: { main: ServerSession; version: NextVersion }) {
  const { nextVersions } = useApp();
  const status = useStatus(version.session);
  const registration = useOutcome(version.registration);
  const ready = status.phase === 'ready';
  return (
    <section className="next-version" aria-label={`Next version ${version.session.name}`}>
      <header className="toolbar">
        <h3>
          {version.session.name} <span className="muted">{version.session.origin}</span>
        </h3>
        <span className={`phase ${status.phase}`} data-testid="next-phase">
          {status.phase}
        </span>
        <button type="button" onClick={() => void version.compareRegistrations()} disabled={!ready || registration?.pending}>
          Compare registrations
        </button>
        <button type="button" onClick={() => void nextVersions.close(main.id)}>
          Close next version
        </button>
      </header>
      {status.error && <ErrorBox error={status.error} title="The next version did not load" />}
      <section aria-label="Registration compared">
        <h3>Registration: {main.name} → {version.session.name}</h3>
        {registration?.pending && <p className="muted">Reading both registrations…</p>}
        {registration?.error && <ErrorBox error={registration.error} title="Could not compare the registrations" />}
        {registration?.result && !registration.pending && <RegistrationDiffView diff={registration.result} />}
      </section>
      <AnswersCompare version={version} ready={ready} />
    </section>
  );
}

export function ComparePanel({ session }: { session: ServerSession }) {
  const { nextVersions } = useApp();
  const version = useNextVersions(nextVersions).get(session.id);
  return (
    <div className="compare">
      <p className="muted">
        Load a second build of {session.name} as its next version to see what changed in what it registers, and which answers of a collection differ.
      </p>
      <LoadNextVersion session={session} />
      {version && <NextVersionView key={version.session.id} main={session} version={version} />}
    </div>
  );
}
