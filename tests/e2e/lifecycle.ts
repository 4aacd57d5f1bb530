/** Spec-file lifecycles shared by the e2e specs (vitest hooks; the harness itself stays runner-free for bench/). */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
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

export interface PagePerTest {
  suite(): Suite;
  /** A fresh page on the app (plus `query`), closed after the test. */
  open(query?: string): Promise<Opened>;
  /** The same, with `example` loaded. */
  openWith(example: string): Promise<Opened>;
}

/** One suite for the spec file and a page per test; `noErrors`: each test must end with no page errors. */
export function usePagePerTest(options: { noErrors?: boolean } = {}): PagePerTest {
  let suite: Suite | undefined;
  let opened: Opened | undefined;
  beforeAll(async () => {
    suite = await startSuite();
  });
  afterAll(() => stopSuite(suite));
  afterEach(async () => {
    const errors = opened?.errors ?? [];
    await opened?.close();
    opened = undefined;
    if (options.noErrors) expect(errors).toEqual([]);
  });
  const open = async (query = '') => (opened = await openPage(suite!.browser, suite!.preview.url + query));
  return {
    suite: () => suite!,
    open,
    openWith: async (example) => {
      const page = await open();
      await loadExample(page.page, example);
      return page;
    },
  };
}
