/**
 * Where one server is in its life: the loading stages with their times,
 * then ready, restarting after a fault, or failed.
 */
import type { Implementation, ServerCapabilities } from '@modelcontextprotocol/client';
import type { ErrorReport } from '../host/errors.js';
import type { LoadStage, World } from '../host/load.js';
import { Store } from './store.js';

/** The host's stages, framed by what the page does before and after them. */
export type StageName = 'read' | LoadStage | 'initialize';
export const STAGES: readonly StageName[] = ['read', 'transpile', 'compile', 'instantiate', 'register', 'initialize'];
/** A server at a URL is already running: connecting to it is all there is. */
export const REMOTE_STAGES: readonly StageName[] = ['initialize'];
export const STAGE_LABELS: Record<StageName, string> = {
  read: 'Reading',
  transpile: 'Transpiling',
  compile: 'Compiling',
  instantiate: 'Instantiating',
  register: 'Registering',
  initialize: 'Initializing MCP',
};

export interface StageState {
  name: StageName;
  state: 'pending' | 'active' | 'done' | 'failed';
  /** Epoch ms when the stage began (known for the active stage). */
  startedAt?: number;
  ms?: number;
}

export interface ServerInfo {
  implementation: Implementation | undefined;
  instructions: string | undefined;
  protocolVersion: string | undefined;
  capabilities: ServerCapabilities;
  world: World;
  /** Registrations the host refused while the component started, and why. */
  refused: readonly string[];
}

export type Phase = 'loading' | 'ready' | 'restarting' | 'failed' | 'closed';

export interface SessionStatus {
  phase: Phase;
  stages: StageState[];
  error?: ErrorReport;
  /** A line about the last restart, kept after it succeeded. */
  notice?: string;
  restarts: number;
  info?: ServerInfo;
}

export class StatusStore extends Store<SessionStatus> {
  readonly #stages: readonly StageName[];

  constructor(now: number, stages: readonly StageName[] = STAGES) {
    super({
      phase: 'loading',
      stages: stages.map((name, i) => (i === 0 ? { name, state: 'active', startedAt: now } : { name, state: 'pending' })),
      restarts: 0,
    });
    this.#stages = stages;
  }

  /** Marks `name` done in `ms` and the next stage active. */
  stageDone(name: StageName, ms: number, now: number): void {
    this.update((s) => {
      const at = this.#stages.indexOf(name);
      const stages = s.stages.map((stage, i): StageState => {
        if (i < at && stage.state !== 'done') return { ...stage, state: 'done' };
        if (i === at) return { name, state: 'done', ms };
        if (i === at + 1) return { name: stage.name, state: 'active', startedAt: now };
        return stage;
      });
      return { ...s, stages };
    });
  }

  failed(error: ErrorReport): void {
    this.update((s) => ({
      ...s,
      phase: 'failed',
      error,
      stages: s.stages.map((stage) => (stage.state === 'active' ? { ...stage, state: 'failed' } : stage)),
    }));
  }

  /** Ready, first or after a restart by hand: an error from before is over. */
  ready(info: ServerInfo, notice?: string): void {
    this.update(({ error: _over, ...s }) => ({ ...s, phase: 'ready', info, ...(notice === undefined ? {} : { notice }) }));
  }

  restarting(reason: ErrorReport): void {
    this.update((s) => ({ ...s, phase: 'restarting', notice: `Restarting: ${reason.message}` }));
  }

  restarted(restarts: number): void {
    this.update((s) => ({
      ...s,
      phase: s.phase === 'restarting' ? 'ready' : s.phase,
      restarts,
      notice: `Restarted ${restarts} time${restarts === 1 ? '' : 's'}. ${s.notice?.replace(/^Restarting: /, 'Last reason: ') ?? ''}`,
    }));
  }

  /** The person has read the notice about the last restart. */
  dismissNotice(): void {
    this.update(({ notice: _read, ...s }) => s);
  }

  closed(): void {
    this.update((s) => ({ ...s, phase: 'closed' }));
  }
}
