/** The page before any server is loaded: the ways to load one, and what each bundled example is for. */
import { fromExample, type Example } from '../../../session/sources.js';
import { useApp } from '../../app-context.js';
import styles from './Welcome.module.css';

function ExampleList({ title, list }: { title: string; list: Example[] }) {
  const { servers, base } = useApp();
  if (list.length === 0) return null;
  return (
    <section>
      <h3>{title}</h3>
      <dl className={styles.examples}>
        {list.map((e) => (
          <div key={e.name} className={styles.example}>
            <dt>
              <button type="button" className="link" onClick={() => void servers.open(fromExample(e, base))}>
                Load {e.name}
              </button>
            </dt>
            <dd>{e.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function Welcome() {
  const { examples } = useApp();
  return (
    <section className={styles.welcome} aria-label="Welcome">
      <h2>Load a wasi:mcp component</h2>
      <p>
        Pick a bundled example below or above, open a <code>.wasm</code> file, drop one anywhere on this page, or open{' '}
        <code>?url=https://…/component.wasm</code>. Each component runs in its own Web Worker and speaks MCP to this page. Or
        connect to an MCP server that already runs, by its Streamable HTTP URL.
      </p>
      <p>
        How to build a component and what the host grants it: the playground's <code>README.md</code> and <code>docs/</code>. The protocol:{' '}
        <a href="https://modelcontextprotocol.io/">modelcontextprotocol.io</a>; components: the{' '}
        <a href="https://component-model.bytecodealliance.org/">Component Model book</a>.
      </p>
      <ExampleList title="Example servers" list={examples.filter((e) => e.kind === 'server')} />
      <ExampleList title="Hostile components (for testing the host)" list={examples.filter((e) => e.kind === 'hostile')} />
    </section>
  );
}
