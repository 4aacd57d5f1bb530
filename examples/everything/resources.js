// Resources: two static text resources, one binary, and a URI template.
import { fail, text } from '../shared/mcp.js';
import { LOGO_PNG_BASE64 } from './assets.js';

const GREETING = 'Hello from the everything server! Ça va? 👋';

// mem://watched changes each time the `notify` tool runs.
let watchedVersion = 1;
export const bumpWatched = () => ++watchedVersion;

const USERS = { 1: 'Ada Lovelace', 2: 'Grace Hopper', 3: 'Alan Turing', 42: 'Douglas Adams' };
export const USER_IDS = Object.keys(USERS); // ['1', '2', '3', '42']
export const userName = (id) => USERS[id];
export const USER_TEMPLATE = 'mem://users/{id}';

export const resources = [
  { uri: 'mem://greeting', name: 'greeting', title: 'Greeting', description: 'A short text', mimeType: 'text/plain' },
  { uri: 'mem://logo.png', name: 'logo', title: 'Logo', description: 'A 16x16 PNG (binary)', mimeType: 'image/png', size: 91 },
  { uri: 'mem://watched', name: 'watched', title: 'Watched', description: 'Subscribe to it, then call the notify tool', mimeType: 'text/plain' },
];

export const templates = [
  { uriTemplate: USER_TEMPLATE, name: 'user', title: 'User', description: 'A user record by id (try 1, 2, 3 or 42)', mimeType: 'application/json' },
];

// Text resources come back as a text block, binary ones as an embedded
// resource carrying base64 in `blob`.
export function readResource(uri) {
  switch (uri) {
    case 'mem://greeting':
      return { contents: [text(GREETING)] };
    case 'mem://watched':
      return { contents: [text(`watched resource, version ${watchedVersion}`)] };
    case 'mem://logo.png':
      return {
        contents: [{ tag: 'embedded-resource', val: { contentType: 'resource', uri, mimeType: 'image/png', blob: LOGO_PNG_BASE64 } }],
      };
  }
  const id = userId(uri);
  if (id !== undefined) return { contents: [text(JSON.stringify({ id, name: USERS[id] }))] };
  fail('resource-not-found', `no resource ${uri}`);
}

/** The id in mem://users/{id} if it names a known user. */
function userId(uri) {
  const m = /^mem:\/\/users\/([^/]+)$/.exec(uri);
  return m && Object.hasOwn(USERS, m[1]) ? m[1] : undefined;
}

// Subscriptions: the host forwards resources/subscribe here. We only record
// them; the `notify` tool reports whether mem://watched is subscribed.
export const subscriptions = new Set();
const exists = (uri) => resources.some((r) => r.uri === uri) || userId(uri) !== undefined;

export function subscribe(uri) {
  if (!exists(uri)) fail('resource-not-found', `cannot subscribe to unknown resource ${uri}`);
  subscriptions.add(uri);
}

export function unsubscribe(uri) {
  if (!exists(uri)) fail('resource-not-found', `cannot unsubscribe from unknown resource ${uri}`);
  subscriptions.delete(uri); // unsubscribing twice is not an error
}
