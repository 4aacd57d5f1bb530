// Resources, the resource template and subscriptions the suite's scenarios use.
import { fail, text } from '../shared/mcp.js';
import { RED_PIXEL_PNG_BASE64 } from './assets.js';

export const resources = [
  { uri: 'test://static-text', name: 'static-text', description: 'A static text resource', mimeType: 'text/plain' },
  { uri: 'test://static-binary', name: 'static-binary', description: 'A static binary resource (a 1x1 PNG)', mimeType: 'image/png' },
  { uri: 'test://watched-resource', name: 'watched-resource', description: 'A resource that can be subscribed to', mimeType: 'text/plain' },
];

export const TEMPLATE = 'test://template/{id}/data';
export const templates = [
  { uriTemplate: TEMPLATE, name: 'template', description: 'A resource per id: test://template/{id}/data', mimeType: 'application/json' },
];

/** The {id} of test://template/{id}/data, or undefined. */
function templateId(uri) {
  const m = /^test:\/\/template\/([^/]+)\/data$/.exec(uri);
  return m ? decodeURIComponent(m[1]) : undefined;
}

export function readResource(uri) {
  switch (uri) {
    case 'test://static-text':
      return { contents: [text('This is the content of the static text resource.')] };
    case 'test://static-binary':
      return { contents: [{ tag: 'embedded-resource', val: { contentType: 'resource', uri, mimeType: 'image/png', blob: RED_PIXEL_PNG_BASE64 } }] };
    case 'test://watched-resource':
      return { contents: [text('This resource can be watched for changes.')] };
  }
  const id = templateId(uri);
  if (id !== undefined) {
    const body = JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` });
    return { contents: [{ tag: 'embedded-resource', val: { contentType: 'resource', uri, mimeType: 'application/json', text: body } }] };
  }
  fail('resource-not-found', `no resource ${uri}`);
}

const exists = (uri) => resources.some((r) => r.uri === uri) || templateId(uri) !== undefined;

// The host keeps track of who subscribed; the component only says whether the URI exists.
export function subscribe(uri) {
  if (!exists(uri)) fail('resource-not-found', `cannot subscribe to unknown resource ${uri}`);
}

export function unsubscribe(uri) {
  if (!exists(uri)) fail('resource-not-found', `cannot unsubscribe from unknown resource ${uri}`);
}
