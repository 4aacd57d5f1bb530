import { expect, it } from 'vitest';
import { warmUp } from '../../../src/worker/warm-up.js';

it('gets initialize, tools/list and tools/call answered inside the worker', async () => {
  const answers = await warmUp();
  expect(answers.map((a) => ('result' in a ? a.id : a))).toEqual([1, 2, 3]);
});
