// Prompts and argument completion.
import { fail, parseArgs, text } from '../shared/mcp.js';
import { USER_IDS, USER_TEMPLATE, userName } from './resources.js';

const STYLES = ['formal', 'casual', 'pirate'];

export const prompts = [
  {
    name: 'greet',
    title: 'Greeting',
    description: 'Greets someone in a chosen style',
    arguments: [
      { name: 'name', description: 'Who to greet', required: true },
      { name: 'style', description: 'formal, casual or pirate (completable)', required: false },
    ],
  },
  {
    name: 'summarize',
    title: 'Summarize',
    description: 'Asks for a one-sentence summary of a text',
    arguments: [{ name: 'text', description: 'The text to summarize', required: true }],
  },
];

const GREETINGS = {
  formal: (n) => `Good day, ${n}. It is a pleasure to make your acquaintance.`,
  casual: (n) => `Hey ${n}! How's it going?`,
  pirate: (n) => `Ahoy, ${n}! Welcome aboard, ye scallywag!`,
};

// Prompt arguments arrive as a JSON object of strings (or none at all).
const required = (args, key) => {
  if (typeof args[key] !== 'string' || args[key] === '') fail('invalid-params', `argument \`${key}\` is required`);
  return args[key];
};

export function getPrompt(name, argsBytes) {
  const args = parseArgs(argsBytes);
  if (name === 'greet') {
    const who = required(args, 'name');
    const style = args.style || 'casual';
    if (!STYLES.includes(style)) fail('invalid-params', `style must be one of ${STYLES.join(', ')}`);
    return { messages: [{ role: 'user', content: text(`Please greet me like this: "${GREETINGS[style](who)}"`) }] };
  }
  if (name === 'summarize') {
    const input = required(args, 'text');
    return {
      messages: [
        // The text to summarize travels as an embedded resource, not inline.
        {
          role: 'user',
          content: { tag: 'embedded-resource', val: { contentType: 'resource', uri: 'mem://summarize/input', mimeType: 'text/plain', text: input } },
        },
        { role: 'assistant', content: text(`I will summarize the attached text (${input.split(/\s+/).filter(Boolean).length} words) in one sentence.`) },
      ],
    };
  }
  fail('prompt-not-found', `no prompt ${name}`);
}

const byPrefix = (values, prefix) => values.filter((v) => v.startsWith(prefix));

// ref-type is `prompt-name` (ref-value = prompt) or `resource-uri`
// (ref-value = template); unknown arguments of known refs complete to nothing.
export function complete(refType, refValue, argName, argValue) {
  if (refType === 'prompt-name') {
    if (!prompts.some((p) => p.name === refValue)) fail('prompt-not-found', `no prompt ${refValue}`);
    if (refValue === 'greet' && argName === 'style') return byPrefix(STYLES, argValue).map((value) => ({ value }));
    return [];
  }
  if (refType === 'resource-uri') {
    if (refValue !== USER_TEMPLATE) fail('resource-not-found', `no resource template ${refValue}`);
    if (argName === 'id') return byPrefix(USER_IDS, argValue).map((value) => ({ value, label: userName(value) }));
    return [];
  }
  return [];
}
