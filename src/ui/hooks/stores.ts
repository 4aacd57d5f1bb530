/**
 * One hook per store: React reads state that lives outside it
 * (src/session) through useSyncExternalStore, and nothing else.
 */
import type { ReadResourceResult, GetPromptResult, JSONRPCMessage, LoggingLevel } from '@modelcontextprotocol/client';
import { useSyncExternalStore } from 'react';
import type { Catalog } from '../../session/catalog.js';
import type { PendingClientRequest } from '../../session/client-requests.js';
import type { HistoryEntry, LogEntry, NotificationEntry, OutputEntry } from '../../session/entries.js';
import type { Era } from '../../session/era.js';
import type { Outcome } from '../../session/outcome.js';
import type { DenialEntry, MemorySample, SandboxConfig } from '../../session/sandbox.js';
import type { SandboxDraft } from '../../session/sandbox-draft.js';
import type { ResourceUpdates, ServerSession, ToolCall, ToolInput } from '../../session/server-session.js';
import type { ServersState, ServersStore } from '../../session/servers.js';
import type { Settings, SettingsStore } from '../../session/settings.js';
import type { SessionStatus } from '../../session/status.js';
import type { ListSnapshot, Store, ValueStore } from '../../session/store.js';
import type { TaskEntry } from '../../session/tasks.js';
import type { SaveState, WorkspaceStore } from '../../session/workspace.js';
import type { Root } from '@modelcontextprotocol/client';
import type { AppStatus } from '../features/apps/app-frame.js';
import type { RunningCall } from '../../session/tool-calls.js';

function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, () => store.value);
}

export const useServers = (store: ServersStore): ServersState => useStore(store);
export const useSettings = (store: SettingsStore): Settings => useStore(store);
export const useSaveState = (store: WorkspaceStore): SaveState => useStore(store);
export const useStatus = (session: ServerSession): SessionStatus => useStore(session.status);
export const useEra = (session: ServerSession): Era => useStore(session.era);
export const useCatalog = (session: ServerSession): Catalog => useStore(session.catalog);
export const useHistory = (session: ServerSession): ListSnapshot<HistoryEntry> => useStore(session.history);
export const useLogs = (session: ServerSession): ListSnapshot<LogEntry> => useStore(session.logs);
export const useNotifications = (session: ServerSession): ListSnapshot<NotificationEntry> => useStore(session.notifications);
export const useOutput = (session: ServerSession): ListSnapshot<OutputEntry> => useStore(session.output);
export const useToolInput = (session: ServerSession): ToolInput | undefined => useStore(session.toolInput);
export const useAppStatus = (store: ValueStore<AppStatus | undefined>): AppStatus | undefined => useStore(store);
export const useResourceRead = (session: ServerSession): Outcome<ReadResourceResult> | undefined => useStore(session.resourceRead);
export const usePromptGet = (session: ServerSession): Outcome<GetPromptResult> | undefined => useStore(session.promptGet);
export const useResend = (session: ServerSession): Outcome<JSONRPCMessage | undefined> | undefined => useStore(session.resent);
export const useConsoleSend = (session: ServerSession): Outcome<JSONRPCMessage | undefined> | undefined => useStore(session.consoleSend);
export const useSubscriptions = (session: ServerSession): ReadonlySet<string> => useStore(session.subscriptions);
export const useResourceUpdates = (session: ServerSession): ResourceUpdates => useStore(session.resourceUpdates);
export const useLogLevel = (session: ServerSession): LoggingLevel | undefined => useStore(session.logLevel);
export const useClientRequests = (session: ServerSession): readonly PendingClientRequest[] => useStore(session.clientRequests);
export const useSandboxConfig = (session: ServerSession): SandboxConfig => useStore(session.sandbox.config);
export const useSandboxDraft = (session: ServerSession): SandboxDraft | undefined => useStore(session.sandbox.draft);
export const useDenials = (session: ServerSession): ListSnapshot<DenialEntry> => useStore(session.sandbox.denials);
export const useMemorySample = (session: ServerSession): MemorySample | undefined => useStore(session.sandbox.memory);
export const useTasks = (session: ServerSession): readonly TaskEntry[] => useStore(session.tasks);
export const useRoots = (session: ServerSession): readonly Root[] => useStore(session.roots);
export const useToolCallOf = (session: ServerSession, tool: string): Outcome<ToolCall> | undefined => useStore(session.toolCalls.of(tool));
export const useRunningCalls = (session: ServerSession): readonly RunningCall[] => useStore(session.toolCalls.running);
