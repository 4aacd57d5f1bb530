/**
 * Splits stdin into lines for the LineTransport without ever holding more
 * than `maxBytes` of one line: the SDK's own stdio transport buffers any
 * line whole and stops answering after one over 10 MiB
 * (shared/notes/toolchain-facts.md). An over-long line is skipped and
 * reported with `onOversized`.
 */
import type { Readable } from 'node:stream';

export interface LineHandlers {
  onLine(line: string): void;
  onOversized(bytes: number): void;
  onEnd(): void;
}

const NEWLINE = 0x0a;

export function readLines(input: Readable, maxBytes: number, handlers: LineHandlers): void {
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;

  const finish = (): void => {
    if (skipping) handlers.onOversized(length);
    else if (length > 0) handlers.onLine(Buffer.concat(parts, length).toString('utf8').replace(/\r$/, ''));
    parts = [];
    length = 0;
    skipping = false;
  };
  const take = (piece: Buffer): void => {
    length += piece.length;
    if (skipping) return;
    if (length > maxBytes) {
      skipping = true;
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
