/** Tool calls per tool: each tool keeps its own outcome, and a call behind another knows which. */
import { describe, expect, it } from 'vitest';
import { ToolCalls, type ToolCall } from '../../../src/session/tool-calls.js';

const answer = (text: string): ToolCall => ({ result: { content: [{ type: 'text', text }] }, verdict: undefined });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ToolCalls', () => {
  it("keeps each tool's last outcome apart, and the latest of any tool", async () => {
    const calls = new ToolCalls();
    await calls.run('a', async () => answer('from a'));
    await calls.run('b', async () => answer('from b'));
    expect(calls.of('a').value?.result?.result.content).toEqual([{ type: 'text', text: 'from a' }]);
    expect(calls.of('b').value?.label).toBe('tools/call b');
    expect(calls.latest.value?.label).toBe('tools/call b');
    expect(calls.of('c').value).toBeUndefined();
  });

  it('lists running calls oldest first and says which earlier call a later one waits for', async () => {
    const calls = new ToolCalls();
    const loop = deferred<ToolCall>();
    const ok = deferred<ToolCall>();
    const first = calls.run('loop', () => loop.promise);
    const second = calls.run('ok', () => ok.promise);
    expect(calls.running.value.map((c) => c.tool)).toEqual(['loop', 'ok']);
    expect(calls.waitingFor(calls.running.value, 'ok')).toBe('loop');
    expect(calls.waitingFor(calls.running.value, 'loop')).toBeUndefined();
    loop.resolve(answer('never'));
    await first;
    expect(calls.waitingFor(calls.running.value, 'ok')).toBeUndefined();
    ok.resolve(answer('ok'));
    await second;
    expect(calls.running.value).toEqual([]);
    expect(calls.of('loop').value?.pending).toBe(false);
  });

  it("cancels only the named tool's call", async () => {
    const calls = new ToolCalls();
    const signals: Record<string, AbortSignal> = {};
    const hold = (tool: string) =>
      calls.run(tool, (signal) => {
        signals[tool] = signal;
        return new Promise<ToolCall>((_, reject) => signal.addEventListener('abort', () => reject(new Error(String(signal.reason)))));
      });
    const a = hold('a');
    void hold('b');
    calls.cancel('a');
    await a;
    expect(calls.of('a').value?.error?.message).toBe('cancelled from the playground');
    expect(signals.b!.aborted).toBe(false);
    calls.cancel('b');
  });
});
