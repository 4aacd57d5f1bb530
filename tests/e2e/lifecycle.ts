/** Spec-file lifecycles shared by the e2e specs (vitest hooks; the harness itself stays runner-free for bench/). */
import { afterAll, beforeAll } from 'vitest';
import { openPage, startSuite, stopSuite, type Opened, type Suite } from './harness.js';
import { loadExample } from './ui.js';

/** One page for the whole spec file, with `example` loaded before the first test. */
export function useExamplePage(example: string): () => Opened {
  let suite: Suite | undefined;
  let opened: Opened | undefined;
  beforeAll(async () => {
    suite = await startSuite();
    opened = await openPage(suite.browser, suite.preview.url);
    await loadExample(opened.page, example);
  });
  afterAll(async () => {
    await opened?.close();
    await stopSuite(suite);
  });
  return () => opened!;
}
