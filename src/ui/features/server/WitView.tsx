/**
 * The component's WIT world as text, printed by wasm-tools
 * in a throwaway worker the first time it is shown, then kept per server.
 */
import { Suspense, use } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { useApp } from '../../app-context.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { Editor } from '../../editor/index.js';
import { useTheme } from '../../hooks/theme.js';

type Printed = { text: string } | { error: string };

const printed = new WeakMap<ServerSession, Promise<Printed>>();

function witOf(session: ServerSession, print: (bytes: Uint8Array) => Promise<string>): Promise<Printed> {
  let p = printed.get(session);
  if (!p) {
    p = session.bytes
      ? print(session.bytes).then(
          (text) => ({ text }),
          (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
        )
      : Promise.resolve({ error: 'the component bytes are not available' });
    printed.set(session, p);
  }
  return p;
}

function Wit({ session, result }: { session: ServerSession; result: Promise<Printed> }) {
  const theme = useTheme();
  const wit = use(result);
  if ('error' in wit) return <ErrorBox error={{ message: wit.error }} />;
  return <Editor modelUri={`inmemory://${session.id}/world.wit`} value={wit.text} language="wit" readOnly label="WIT world" height={360} theme={theme} />;
}

export function WitView({ session }: { session: ServerSession }) {
  const { printWit } = useApp();
  return (
    <section aria-label="WIT world" className="wit">
      <h3>WIT world</h3>
      <Suspense fallback={<p className="muted">Printing the WIT world with wasm-tools…</p>}>
        <Wit session={session} result={witOf(session, printWit)} />
      </Suspense>
    </section>
  );
}
