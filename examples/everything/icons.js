// Icons for the server and a few of its registrations (declare-icons), as small
// SVG data URIs: a client needs no network to show them.
import { declareIcons } from 'wasi:mcp/runtime@0.1.0';
import { jsonBytes } from '../shared/mcp.js';

const svg = (body) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${body}</svg>`)}`;
const icons = (body) => jsonBytes([{ src: svg(body), mimeType: 'image/svg+xml', sizes: ['any'] }]);

export function declareAllIcons() {
  declareIcons('server', '', icons('<rect width="16" height="16" rx="3" fill="#5b4fe9"/><path d="M4 8h8M8 4v8" stroke="#fff" stroke-width="2"/>'));
  declareIcons('tool', 'add', icons('<circle cx="8" cy="8" r="7" fill="#2e7d32"/><path d="M4 8h8M8 4v8" stroke="#fff" stroke-width="2"/>'));
  declareIcons('resource', 'mem://greeting', icons('<rect x="2" y="3" width="12" height="10" rx="2" fill="#f9a825"/>'));
  declareIcons('prompt', 'greet', icons('<path d="M2 3h12v8H6l-4 3z" fill="#0277bd"/>'));
}
