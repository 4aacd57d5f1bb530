import type { ClientRequestKind } from '../../../session/client-requests.js';

/** What a server asks for, in words: "<server> asks for …". */
export const KIND_TITLE: Record<ClientRequestKind, string> = {
  sampling: 'a model reply (sampling)',
  elicitation: 'your input (elicitation)',
  url: 'you to open a link (URL elicitation)',
};

export const KIND_METHOD: Record<ClientRequestKind, string> = {
  sampling: 'sampling/createMessage',
  elicitation: 'elicitation/create',
  url: 'elicitation/create',
};
