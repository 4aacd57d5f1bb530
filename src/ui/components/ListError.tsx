import type { Listing } from '../../session/catalog.js';
import { ErrorBox } from './ErrorBox.js';

/** A failed list reload: the error with Retry, shown above the last good list (never instead of it). */
export function ListError({ listing, what, onRetry }: { listing: Listing<unknown>; what: string; onRetry(): void }) {
  if (!listing.error) return null;
  return <ErrorBox error={{ message: listing.error }} title={`Could not list ${what}`} onRetry={onRetry} />;
}
