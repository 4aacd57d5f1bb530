/** In place of a view that belongs to components run by the page: what a remote server has instead. */
const TEXT = {
  sandbox:
    'Grants and limits do not apply to a remote server: it runs elsewhere, under its own rules. ' +
    'Its requests still time out after the request deadline it was connected with.',
  output: "A remote server's stdout and stderr stay where it runs: the page sees only what it sends over MCP (see Logs).",
} as const;

export function RemoteNotice({ view }: { view: keyof typeof TEXT }) {
  return <p className="muted remote-notice">{TEXT[view]}</p>;
}
