/**
 * The app views of one Tools panel: the one shown, for the latest tool call
 * while its tool is selected, and those closing, kept hidden in the page
 * until they have answered ui/resource-teardown (a frame taken out of the
 * page can answer nothing). Its status is a store the panel reads.
 */
import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-bridge';
import { viewUriOf } from '../../../session/app-meta.js';
import type { ServerSession, ToolInput } from '../../../session/server-session.js';
import { ValueStore } from '../../../session/store.js';
import { AppFrame, type AppStatus, type CallEnd } from './app-frame.js';

export class AppFrames {
  readonly status = new ValueStore<AppStatus | undefined>(undefined);
  #current: { seq: number; frame: AppFrame } | undefined;
  readonly #closing = new Set<AppFrame>();

  /** Shows the view of `input`'s tool in `container` (none when undefined), closing the one shown before. */
  show(session: ServerSession, input: ToolInput | undefined, container: HTMLElement, context: McpUiHostContext, reason: string): void {
    if (this.#current?.seq === input?.seq) return;
    this.close(reason);
    const uri = input && viewUriOf(input.tool);
    if (!input || !uri) return;
    const frame: AppFrame = new AppFrame(session, input, uri, context, (status) => {
      if (this.#current?.frame === frame) this.status.set(status);
    });
    this.#current = { seq: input.seq, frame };
    void frame.open(container);
  }

  /** The tool call `seq` ended: its view, if shown, is told. */
  settle(seq: number, end: CallEnd): void {
    if (this.#current?.seq === seq) this.#current.frame.settle(end);
  }

  /** Closes the view shown, letting it answer the teardown request first. */
  close(reason: string): void {
    const frame = this.#current?.frame;
    this.#current = undefined;
    this.status.set(undefined);
    if (!frame) return;
    this.#closing.add(frame);
    void frame.close(reason).finally(() => this.#closing.delete(frame));
  }

  /** Removes every view at once: the panel is leaving the page. */
  dispose(reason: string): void {
    this.#current?.frame.dispose(reason);
    this.#current = undefined;
    for (const frame of this.#closing) frame.dispose(reason);
    this.#closing.clear();
  }
}
