/**
 * Splits stdin into lines for the LineTransport without ever holding more
 * than `maxBytes` of one line: the SDK's own stdio transport buffers any
 * line whole and stops answering after one over 10 MiB. An over-long line
 * is skipped and reported with `onOversized`, with its id when one is found
 * in it, so that the refusal can be matched to the request.
 */
import type { Readable } from 'node:stream';
import { IdScanner } from '../transport/id-scan.js';

export interface LineHandlers {
  onLine(line: string): void;
  onOversized(bytes: number, id: string | number | undefined): void;
  onEnd(): void;
}

const NEWLINE = 0x0a;

export function readLines(input: Readable, maxBytes: number, handlers: LineHandlers): void {
  let parts: Buffer[] = [];
  let length = 0;
  let skipping: IdScanner | undefined;

  const finish = (): void => {
    if (skipping) handlers.onOversized(length, skipping.id);
    else if (length > 0) handlers.onLine(Buffer.concat(parts, length).toString('utf8').replace(/\r$/, ''));
    parts = [];
    length = 0;
    skipping = undefined;
  };
  const take = (piece: Buffer): void => {
    length += piece.length;
    if (skipping) {
      skipping.feed(piece);
      return;
    }
    if (length > maxBytes) {
      // What was kept is scanned once, and every later piece as it comes.
      skipping = new IdScanner();
      for (const part of parts) skipping.feed(part);
      skipping.feed(piece);
      parts = [];
    } else {
      parts.push(piece);
    }
  };

  input.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, end));
      finish();
      start = end + 1;
    }
    if (start < chunk.length) take(chunk.subarray(start));
  });
  input.on('end', () => {
    finish();
    handlers.onEnd();
  });
}
