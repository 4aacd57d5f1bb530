import type { ProgressInfo } from '../../session/outcome.js';

/** A progress bar for a pending call; indeterminate until the server reports a total. */
export function ProgressLine({ progress, label }: { progress: ProgressInfo | undefined; label: string }) {
  const total = progress?.total;
  const text = progress ? `${progress.progress}${total !== undefined ? ` of ${total}` : ''}${progress.message ? `: ${progress.message}` : ''}` : 'waiting';
  return (
    <div className="progress-line">
      {total !== undefined ? (
        <progress aria-label={label} max={total} value={progress?.progress ?? 0} />
      ) : (
        <progress aria-label={label} />
      )}
      <span className="progress-text">Progress: {text}</span>
    </div>
  );
}
