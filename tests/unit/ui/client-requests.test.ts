/** An elicitation's requestedSchema as a form and back to accepted content; a sampling request's reply. */
import type { ElicitRequestFormParams } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { acceptedContent, elicitationField, initialAnswer } from '../../../src/ui/features/client-requests/elicitation.js';
import { initialReply, samplingResult, samplingSettings } from '../../../src/ui/features/client-requests/sampling.js';

const params: ElicitRequestFormParams = {
  message: 'Tell us',
  requestedSchema: {
    type: 'object',
    required: ['name', 'age'],
    properties: {
      name: { type: 'string', title: 'Name', minLength: 1 },
      email: { type: 'string', format: 'email' },
      age: { type: 'integer', minimum: 0, maximum: 150 },
      score: { type: 'number', default: 0.5 },
      subscribe: { type: 'boolean', default: true },
      color: { type: 'string', enum: ['red', 'green'], default: 'green' },
      size: { type: 'string', oneOf: [{ const: 's', title: 'Small' }, { const: 'l', title: 'Large' }] },
      tone: { type: 'string', enum: ['hi', 'lo'], enumNames: ['High', 'Low'] },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
    },
  },
};

describe('elicitation form', () => {
  it('maps every primitive kind MCP allows to a form field, with titles and required flags', () => {
    const field = elicitationField(params);
    if (field.kind !== 'object') throw new Error('not an object field');
    expect(field.fields.map((f) => [f.key, f.kind, f.label, f.required])).toEqual([
      ['name', 'string', 'Name', true],
      ['email', 'string', 'email', false],
      ['age', 'integer', 'age', true],
      ['score', 'number', 'score', false],
      ['subscribe', 'boolean', 'subscribe', false],
      ['color', 'enum', 'color', false],
      ['size', 'enum', 'size', false],
      ['tone', 'enum', 'tone', false],
      ['tags', 'array', 'tags', false],
    ]);
    // Titled options show their titles: oneOf titles, or the legacy enumNames.
    expect(field.fields.find((f) => f.key === 'size')).toMatchObject({ options: ['s', 'l'], titles: ['Small', 'Large'] });
    expect(field.fields.find((f) => f.key === 'tone')).toMatchObject({ options: ['hi', 'lo'], titles: ['High', 'Low'] });
    expect(field.fields.find((f) => f.key === 'color')).not.toHaveProperty('titles');
    expect(field.fields.find((f) => f.key === 'tags')).toMatchObject({ item: { kind: 'enum', options: ['a', 'b'] } });
  });

  it('starts from the defaults', () => {
    expect(initialAnswer(elicitationField(params))).toEqual({ score: 0.5, subscribe: true, color: 'green' });
  });

  it('accepts only when every required field is filled, and sends only what was filled', () => {
    const field = elicitationField(params);
    expect(acceptedContent(field, { name: 'Ada' })).toEqual({ problems: ['age is required'] });
    expect(acceptedContent(field, { name: 'Ada', age: 36, email: undefined, tags: ['a'], subscribe: false })).toEqual({
      content: { name: 'Ada', age: 36, tags: ['a'], subscribe: false },
    });
  });

  it('refuses values the flat answer format cannot carry', () => {
    const field = elicitationField(params);
    expect(acceptedContent(field, { name: 'Ada', age: 1, extra: { nested: true } })).toEqual({
      problems: ['extra is not a string, number, boolean or list of strings'],
    });
  });
});

describe('sampling reply', () => {
  const request = {
    messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'hi' } }],
    maxTokens: 200,
    temperature: 0.2,
    stopSequences: ['END'],
    modelPreferences: { hints: [{ name: 'claude-3' }], speedPriority: 0.8, intelligencePriority: 0.1 },
  };

  it('names the hinted model, or says a person answered', () => {
    expect(initialReply(request)).toEqual({ text: '', model: 'claude-3', stopReason: 'endTurn' });
    expect(initialReply({ messages: [], maxTokens: 1 }).model).toBe('human');
  });

  it('builds a CreateMessageResult; an empty stop reason is left out', () => {
    expect(samplingResult({ text: 'yes', model: ' m ', stopReason: 'endTurn' })).toEqual({
      role: 'assistant',
      model: 'm',
      content: { type: 'text', text: 'yes' },
      stopReason: 'endTurn',
    });
    expect(samplingResult({ text: '', model: '', stopReason: ' ' })).toEqual({ role: 'assistant', model: 'human', content: { type: 'text', text: '' } });
  });

  it('lists the settings a person should see before answering', () => {
    expect(samplingSettings(request)).toEqual([
      ['Max tokens', '200'],
      ['Temperature', '0.2'],
      ['Stop sequences', '"END"'],
      ['Model hints', 'claude-3'],
      ['Priorities', 'speed 0.8, intelligence 0.1'],
    ]);
  });
});
