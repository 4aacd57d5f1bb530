/** A resource template: fill its variables (with server completions) and read the resulting URI. */
import { UriTemplate } from '@modelcontextprotocol/client';
import type { ResourceTemplateType } from '@modelcontextprotocol/client';
import { useMemo, useState, type FormEvent } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { CompletionInput } from '../../components/CompletionInput.js';
import { SaveCall } from '../collections/SaveCall.js';

export function TemplateDetail({ session, template }: { session: ServerSession; template: ResourceTemplateType }) {
  const parsed = useMemo(() => new UriTemplate(template.uriTemplate), [template.uriTemplate]);
  const [values, setValues] = useState<Record<string, string>>({});
  const uri = parsed.expand(values);
  const read = (event: FormEvent) => {
    event.preventDefault();
    void session.readResource(uri);
  };
  return (
    <section className="template-detail" aria-label={`Template ${template.uriTemplate}`}>
      <h3>
        {template.title ?? template.name} <code>{template.uriTemplate}</code>
      </h3>
      {template.description && <p className="description">{template.description}</p>}
      <form onSubmit={read} noValidate>
        {parsed.variableNames.map((name) => (
          <CompletionInput
            key={name}
            id={`${session.id}-tpl-${name}`}
            label={name}
            required
            value={values[name] ?? ''}
            onChange={(v) => setValues((old) => ({ ...old, [name]: v }))}
            complete={(v) => session.complete({ type: 'ref/resource', uri: template.uriTemplate }, name, v, values)}
          />
        ))}
        <p>
          URI: <code data-testid="expanded-uri">{uri}</code>
        </p>
        <button type="submit" className="primary">
          Read resource
        </button>
      </form>
      <SaveCall build={() => ({ ok: true, request: { kind: 'resource', uri } })} />
    </section>
  );
}
