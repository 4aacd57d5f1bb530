// The tools the conformance suite's server scenarios call, with the exact
// names, arguments and results its scenarios check
// (node_modules/@modelcontextprotocol/conformance/dist/index.js).
import { currentProgressToken, log, reportProgress, requestElicitation, requestSampling } from 'wasi:mcp/runtime@0.1.0';
import { fail, jsonBytes, parseArgs, text } from '../shared/mcp.js';
import { BEEP_WAV_BASE64, RED_PIXEL_PNG_BASE64 } from './assets.js';
import { roundImpl, roundTools } from './rounds.js';
import { taskImpl, taskTools } from './tasks.js';

const schema = (properties = {}, required = []) => jsonBytes({ type: 'object', properties, required });
const NO_ARGS = schema();

const image = (data, mimeType) => ({ tag: 'image', val: { contentType: 'image', data, mimeType } });
const embedded = (uri, mimeType, body) => ({ tag: 'embedded-resource', val: { contentType: 'resource', uri, mimeType, text: body } });

export const tools = [
  { name: 'test_simple_text', description: 'Returns simple text content', inputSchema: NO_ARGS },
  { name: 'test_image_content', description: 'Returns image content (a 1x1 red PNG)', inputSchema: NO_ARGS },
  { name: 'test_audio_content', description: 'Returns audio content (a short audio/wav tone)', inputSchema: NO_ARGS },
  { name: 'test_embedded_resource', description: 'Returns an embedded text resource', inputSchema: NO_ARGS },
  { name: 'test_multiple_content_types', description: 'Returns text, image and embedded resource content', inputSchema: NO_ARGS },
  { name: 'test_tool_with_logging', description: 'Sends three info log messages while it runs', inputSchema: NO_ARGS },
  { name: 'test_tool_with_progress', description: 'Reports progress 0, 50 and 100 of 100 on the request\'s progress token', inputSchema: NO_ARGS },
  { name: 'test_error_handling', description: 'Always fails: returns a result with isError: true', inputSchema: NO_ARGS },
  {
    name: 'test_sampling',
    description: "Asks the client's model to answer a prompt (sampling/createMessage)",
    inputSchema: schema({ prompt: { type: 'string', description: 'The prompt to send to the LLM' } }, ['prompt']),
  },
  {
    name: 'test_elicitation',
    description: 'Asks the user for a username and an email address (elicitation/create)',
    inputSchema: schema({ message: { type: 'string', description: 'The message to show the user' } }, ['message']),
  },
  {
    name: 'test_elicitation_sep1034_defaults',
    description: 'Elicits a form whose fields of every primitive type have default values (SEP-1034)',
    inputSchema: NO_ARGS,
  },
  {
    name: 'test_elicitation_sep1330_enums',
    description: 'Elicits a form with all five enum field variants (SEP-1330)',
    inputSchema: NO_ARGS,
  },
  {
    // Its input schema uses JSON Schema 2020-12 keywords that must reach the client unchanged
    // (SEP-1613), the broader vocabulary included (SEP-2106: $anchor, allOf/anyOf, if/then/else).
    name: 'json_schema_2020_12_tool',
    description: 'Tool with JSON Schema 2020-12 features',
    inputSchema: jsonBytes({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: {
        address: { $anchor: 'addressDef', type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } },
      },
      properties: {
        name: { type: 'string' },
        address: { $ref: '#/$defs/address' },
        contactMethod: { type: 'string', enum: ['phone', 'email'] },
        phone: { type: 'string' },
        email: { type: 'string' },
      },
      allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
      if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
      then: { required: ['phone'] },
      else: { required: ['email'] },
      additionalProperties: false,
    }),
  },
  { name: 'crash', description: "Traps the component (for the host's own restart tests, not the suite)", inputSchema: NO_ARGS },
  {
    name: 'test_reconnection',
    description: 'For the SSE polling scenario (SEP-1699): returns at once; closing the stream is up to the HTTP layer',
    inputSchema: NO_ARGS,
  },
  {
    // SEP-2243: a client mirrors `region` in the Mcp-Param-Region header, and the host checks
    // that the two agree before the call reaches the component.
    name: 'test_custom_header',
    description: 'Echoes its region argument, which clients also send as the Mcp-Param-Region header',
    inputSchema: schema({ region: { type: 'string', description: 'Where to run', 'x-mcp-header': 'Region' } }, ['region']),
  },
];

/** The client's answer to an elicitation, as the suite's fixtures word it. */
function elicit(params) {
  const answer = parseArgs(requestElicitation(jsonBytes(params)));
  const content = answer.content === undefined ? '' : `, content=${JSON.stringify(answer.content)}`;
  return { action: answer.action, content };
}

const impl = {
  test_simple_text: () => ({ content: [text('This is a simple text response for testing.')] }),
  test_image_content: () => ({ content: [image(RED_PIXEL_PNG_BASE64, 'image/png')] }),
  test_audio_content: () => ({
    content: [{ tag: 'audio', val: { contentType: 'audio', data: BEEP_WAV_BASE64, mimeType: 'audio/wav' } }],
  }),
  test_embedded_resource: () => ({
    content: [embedded('test://embedded-resource', 'text/plain', 'This is an embedded resource content.')],
  }),
  test_multiple_content_types: () => ({
    content: [
      text('Multiple content types test:'),
      image(RED_PIXEL_PNG_BASE64, 'image/png'),
      embedded('test://mixed-content-resource', 'application/json', JSON.stringify({ test: 'data', value: 123 })),
    ],
  }),
  // The fixture waits ~50 ms between messages; a component has no way to
  // sleep without blocking its host's event loop, and the suite checks only
  // that all three arrive, related to this request.
  test_tool_with_logging() {
    log('info', 'Tool execution started', undefined);
    log('info', 'Tool processing data', undefined);
    log('info', 'Tool execution completed', undefined);
    return { content: [text('Tool with logging executed successfully')] };
  },
  test_tool_with_progress() {
    // Echo the request's own _meta.progressToken; without one, report nothing.
    const token = currentProgressToken();
    if (token != null) for (const progress of [0, 50, 100]) reportProgress(token, progress, 100);
    return { content: [text('Tool with progress executed successfully')] };
  },
  test_custom_header({ region }) {
    if (typeof region !== 'string') fail('invalid-params', '`region` must be a string');
    return { content: [text(`Region: ${region}`)] };
  },
  test_error_handling: () => ({
    content: [text('This tool intentionally returns an error for testing')],
    isError: true,
  }),
  test_sampling({ prompt }) {
    if (typeof prompt !== 'string') fail('invalid-params', '`prompt` must be a string');
    const answer = parseArgs(requestSampling(jsonBytes({
      messages: [{ role: 'user', content: { type: 'text', text: prompt } }],
      maxTokens: 100,
    })));
    const said = answer.content && answer.content.type === 'text' ? answer.content.text : JSON.stringify(answer.content);
    return { content: [text(`LLM response: ${said}`)] };
  },
  test_elicitation({ message }) {
    if (typeof message !== 'string') fail('invalid-params', '`message` must be a string');
    const { action, content } = elicit({
      message,
      requestedSchema: {
        type: 'object',
        properties: {
          username: { type: 'string', description: "User's response" },
          email: { type: 'string', description: "User's email address" },
        },
        required: ['username', 'email'],
      },
    });
    return { content: [text(`User response: action=${action}${content}`)] };
  },
  test_elicitation_sep1034_defaults() {
    const { action, content } = elicit({
      message: 'Please review and update the form fields with defaults',
      requestedSchema: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'User name', default: 'John Doe' },
          age: { type: 'integer', description: 'User age', default: 30 },
          score: { type: 'number', description: 'User score', default: 95.5 },
          status: { type: 'string', description: 'User status', enum: ['active', 'inactive', 'pending'], default: 'active' },
          verified: { type: 'boolean', description: 'Verification status', default: true },
        },
        required: [],
      },
    });
    return { content: [text(`Elicitation completed: action=${action}${content}`)] };
  },
  test_elicitation_sep1330_enums() {
    const { action, content } = elicit({
      message: 'Please select options from the enum fields',
      requestedSchema: {
        type: 'object',
        properties: {
          untitledSingle: { type: 'string', description: 'Untitled single-select', enum: ['option1', 'option2', 'option3'] },
          titledSingle: {
            type: 'string',
            description: 'Titled single-select',
            oneOf: [
              { const: 'value1', title: 'First Option' },
              { const: 'value2', title: 'Second Option' },
              { const: 'value3', title: 'Third Option' },
            ],
          },
          legacyEnum: {
            type: 'string',
            description: 'Legacy titled enum (enumNames is deprecated)',
            enum: ['opt1', 'opt2', 'opt3'],
            enumNames: ['Option One', 'Option Two', 'Option Three'],
          },
          untitledMulti: {
            type: 'array',
            description: 'Untitled multi-select',
            items: { type: 'string', enum: ['option1', 'option2', 'option3'] },
          },
          titledMulti: {
            type: 'array',
            description: 'Titled multi-select',
            items: {
              anyOf: [
                { const: 'value1', title: 'First Choice' },
                { const: 'value2', title: 'Second Choice' },
                { const: 'value3', title: 'Third Choice' },
              ],
            },
          },
        },
        required: [],
      },
    });
    return { content: [text(`Elicitation completed: action=${action}${content}`)] };
  },
  json_schema_2020_12_tool: (args) => ({ content: [text(`Received: ${JSON.stringify(args)}`)] }),
  test_reconnection: () => ({ content: [text('Reconnection test completed')] }),
};

tools.push(...roundTools, ...taskTools);
Object.assign(impl, roundImpl, taskImpl);

export function callTool(name, args) {
  if (!Object.hasOwn(impl, name)) fail('tool-not-found', `no tool ${name}`);
  return impl[name](args);
}
