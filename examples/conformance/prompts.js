// Prompts and argument completion the suite's scenarios use.
import { fail, parseArgs, text } from '../shared/mcp.js';
import { RED_PIXEL_PNG_BASE64 } from './assets.js';
import { TEMPLATE } from './resources.js';
import { getRoundPrompt, roundPrompt } from './rounds.js';

export const prompts = [
  { name: 'test_simple_prompt', description: 'A simple prompt without arguments' },
  {
    name: 'test_prompt_with_arguments',
    description: 'A prompt with two required arguments',
    arguments: [
      { name: 'arg1', description: 'First test argument', required: true },
      { name: 'arg2', description: 'Second test argument', required: true },
    ],
  },
  {
    name: 'test_prompt_with_embedded_resource',
    description: 'A prompt that embeds a resource',
    arguments: [{ name: 'resourceUri', description: 'URI of the resource to embed', required: true }],
  },
  { name: 'test_prompt_with_image', description: 'A prompt with image content' },
  roundPrompt,
];

const required = (args, key) => {
  if (typeof args[key] !== 'string') fail('invalid-params', `argument \`${key}\` is required`);
  return args[key];
};

export function getPrompt(name, argsBytes) {
  const args = parseArgs(argsBytes);
  switch (name) {
    case roundPrompt.name:
      return getRoundPrompt();
    case 'test_simple_prompt':
      return { messages: [{ role: 'user', content: text('This is a simple prompt for testing.') }] };
    case 'test_prompt_with_arguments': {
      const arg1 = required(args, 'arg1');
      const arg2 = required(args, 'arg2');
      return { messages: [{ role: 'user', content: text(`Prompt with arguments: arg1='${arg1}', arg2='${arg2}'`) }] };
    }
    case 'test_prompt_with_embedded_resource': {
      const uri = required(args, 'resourceUri');
      return {
        messages: [
          {
            role: 'user',
            content: { tag: 'embedded-resource', val: { contentType: 'resource', uri, mimeType: 'text/plain', text: 'Embedded resource content for testing.' } },
          },
          { role: 'user', content: text('Please process the embedded resource above.') },
        ],
      };
    }
    case 'test_prompt_with_image':
      return {
        messages: [
          { role: 'user', content: { tag: 'image', val: { contentType: 'image', data: RED_PIXEL_PNG_BASE64, mimeType: 'image/png' } } },
          { role: 'user', content: text('Please analyze the image above.') },
        ],
      };
  }
  fail('prompt-not-found', `no prompt ${name}`);
}

// Suggestions for completion/complete, by prefix.
const SUGGESTIONS = {
  'test_prompt_with_arguments/arg1': ['paris', 'park', 'party', 'test-value-1', 'test-value-2'],
  'test_prompt_with_arguments/arg2': ['world', 'wonder', 'test-value'],
  [`${TEMPLATE}/id`]: ['1', '2', '3', '123'],
};

export function complete(refType, refValue, argName, argValue) {
  if (refType === 'prompt-name' && !prompts.some((p) => p.name === refValue)) fail('prompt-not-found', `no prompt ${refValue}`);
  if (refType === 'resource-uri' && refValue !== TEMPLATE) fail('resource-not-found', `no resource template ${refValue}`);
  const values = SUGGESTIONS[`${refValue}/${argName}`] ?? [];
  return values.filter((v) => v.startsWith(argValue)).map((value) => ({ value }));
}
