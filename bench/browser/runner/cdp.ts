/**
 * The JS heap of a dedicated worker, read over the Chrome DevTools Protocol.
 * Chromium gives workers no `performance.memory`, and playwright-core opens
 * CDP sessions on pages only, so the page's session attaches to the worker
 * target (non-flattened) and talks to it through Target.sendMessageToTarget.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { HeapProbe } from '../types.js';

interface TargetInfo {
  targetId: string;
  type: string;
  title: string;
}

export class WorkerSession {
  readonly #session: CDPSession;
  readonly #sessionId: string;
  readonly #pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  readonly #events = new Map<string, ((params: unknown) => void)[]>();
  #id = 0;
  readonly #listener = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== this.#sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: unknown };
    if (message.id !== undefined) {
      const p = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error) p?.reject(new Error(message.error.message));
      else p?.resolve(message.result);
    } else if (message.method) {
      for (const l of this.#events.get(message.method) ?? []) l(message.params);
    }
  };

  private constructor(session: CDPSession, sessionId: string) {
    this.#session = session;
    this.#sessionId = sessionId;
    session.on('Target.receivedMessageFromTarget', this.#listener);
  }

  /** Attaches to the worker whose name (CDP title) is `name`. */
  static async attach(session: CDPSession, name: string): Promise<WorkerSession> {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const target = targetInfos.find((t) => t.type === 'worker' && t.title === name);
    if (!target) throw new Error(`no worker target named ${name}`);
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    return new WorkerSession(session, sessionId);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.#id;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#session
        .send('Target.sendMessageToTarget', { sessionId: this.#sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  }

  on(method: string, listener: (params: unknown) => void): void {
    this.#events.set(method, [...(this.#events.get(method) ?? []), listener]);
  }

  async detach(): Promise<void> {
    this.#session.off('Target.receivedMessageFromTarget', this.#listener);
    await this.#session.send('Target.detachFromTarget', { sessionId: this.#sessionId }).catch(() => {});
  }
}

/** window.benchWorkerHeap for `page`: used JS heap as found, and after a forced GC. */
export async function heapProbe(page: Page): Promise<HeapProbe> {
  const session = await page.context().newCDPSession(page);
  return async (name) => {
    let worker: WorkerSession;
    try {
      worker = await WorkerSession.attach(session, name);
    } catch (e) {
      return { unavailable: `CDP could not attach to the worker: ${(e as Error).message}` };
    }
    try {
      const before = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
      await worker.send('HeapProfiler.collectGarbage');
      const after = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
      return { heapBytes: before.usedSize, heapAfterGcBytes: after.usedSize };
    } catch (e) {
      return { unavailable: `CDP Runtime.getHeapUsage failed: ${(e as Error).message}` };
    } finally {
      await worker.detach();
    }
  };
}
