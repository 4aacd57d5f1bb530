/** The messages of the last prompts/get, each with its role and content. */
import type { ServerSession } from '../../../session/server-session.js';
import { ContentBlocks } from '../../components/ContentBlocks.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { ms } from '../../format.js';
import { usePromptGet } from '../../hooks/stores.js';

export function PromptResult({ session }: { session: ServerSession }) {
  const got = usePromptGet(session);
  if (!got) return null;
  return (
    <section className="result" aria-label="Prompt messages" aria-busy={got.pending}>
      <h3>
        {got.label} {got.pending ? '— running…' : `— ${ms(got.ms)}`}
      </h3>
      {got.error && <ErrorBox error={got.error} title="Get prompt failed" />}
      {got.result?.description && <p className="description">{got.result.description}</p>}
      <ol className="messages">
        {got.result?.messages.map((m, i) => (
          <li key={i} className={`message ${m.role}`}>
            <span className="role">{m.role}</span>
            <ContentBlocks blocks={[m.content]} />
          </li>
        ))}
      </ol>
    </section>
  );
}
