/**
 * Where a server in the page comes from, in the terms a person (and the
 * saved workspace) knows it by: a bundled example by name, a dropped or
 * opened file, a component URL, or a remote MCP server's URL.
 */
export type ComponentSource = { type: 'example'; name: string } | { type: 'file'; name: string } | { type: 'url'; url: string };

export type ServerSource = ComponentSource | { type: 'remote'; url: string };
