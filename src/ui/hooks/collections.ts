/** The hooks for the collections stores (saved calls, their runs, next versions). */
import { useSyncExternalStore } from 'react';
import type { CollectionResults, CollectionRunsStore } from '../../session/collection-runs.js';
import type { CollectionsState, CollectionsStore } from '../../session/collections.js';
import type { NextVersion, NextVersionsStore } from '../../session/next-versions.js';
import type { Outcome, OutcomeStore } from '../../session/outcome.js';
import type { Store } from '../../session/store.js';

function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, () => store.value);
}

export const useCollections = (store: CollectionsStore): CollectionsState => useStore(store);
export const useCollectionRuns = (store: CollectionRunsStore): ReadonlyMap<string, CollectionResults> => useStore(store);
export const useNextVersions = (store: NextVersionsStore): ReadonlyMap<string, NextVersion> => useStore(store);
export const useOutcome = <T>(store: OutcomeStore<T>): Outcome<T> | undefined => useStore(store);
