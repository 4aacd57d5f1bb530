/**
 * Finds the top-level `id` of a JSON-RPC message too large to parse, fed its
 * bytes piece by piece as they arrive, holding none of them: a message over
 * the size limit is refused unread, yet its answer should carry its id, or
 * the client waits for an answer it cannot match. Only the structure is
 * tracked (depth, strings, escapes); JSON's structural characters are ASCII,
 * so UTF-8 bytes can be scanned as they are. The id may come anywhere among
 * the top-level members (the SDK's client writes it after `params`).
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const SEPARATOR = new Set([0x2c, 0x7d]); // , }
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** Longer ids are not worth keeping: such an answer goes out with id null. */
const MAX_ID_BYTES = 256;
const ID_KEY = [0x69, 0x64]; // i d

type State = 'value' | 'after-key' | 'id-value' | 'id-string' | 'id-number' | 'done';

export class IdScanner {
  #depth = 0;
  #inString = false;
  #escaped = false;
  /** Bytes of the current top-level key, while it is short enough to be `id`. */
  #key: number[] | undefined;
  #lastKey: number[] | undefined;
  #state: State = 'value';
  #id: number[] = [];
  #found: string | number | undefined;

  feed(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length && this.#state !== 'done'; i++) this.#step(bytes[i]);
  }

  /** The id, once seen whole; undefined if there is none, or it is not a string or number. */
  get id(): string | number | undefined {
    return this.#found;
  }

  #step(b: number): void {
    if (this.#state === 'id-string' || this.#state === 'id-number') return this.#idByte(b);
    if (this.#inString) {
      if (this.#escaped) this.#escaped = false;
      else if (b === BACKSLASH) this.#escaped = true;
      else if (b === QUOTE) {
        this.#inString = false;
        if (this.#key) {
          this.#lastKey = this.#key;
          this.#key = undefined;
          this.#state = 'after-key';
        }
        return;
      }
      if (this.#key && this.#key.length <= ID_KEY.length) this.#key.push(b);
      return;
    }
    if (WHITESPACE.has(b)) return;
    if (this.#state === 'after-key') {
      // A key is followed by a colon; the value of `id` at the top level is what we want.
      const isId = b === COLON && this.#depth === 1 && sameBytes(this.#lastKey, ID_KEY);
      this.#state = isId ? 'id-value' : 'value';
      return;
    }
    if (this.#state === 'id-value') {
      this.#state = 'value';
      if (b === QUOTE) {
        this.#state = 'id-string';
        this.#id = [b];
        return;
      }
      if (b === 0x2d || (b >= 0x30 && b <= 0x39)) {
        this.#state = 'id-number';
        this.#id = [b];
        return;
      }
    }
    if (b === QUOTE) {
      this.#inString = true;
      // At the top level, a string where a key may stand is a key.
      this.#key = this.#depth === 1 ? [] : undefined;
    } else if (OPEN.has(b)) {
      this.#depth += 1;
    } else if (CLOSE.has(b)) {
      this.#depth -= 1;
    }
  }

  #idByte(b: number): void {
    if (this.#state === 'id-number' && (SEPARATOR.has(b) || WHITESPACE.has(b))) {
      this.#finish();
      // The byte after the number still counts for the structure (a closing brace).
      if (CLOSE.has(b)) this.#depth -= 1;
      return;
    }
    this.#id.push(b);
    if (this.#id.length > MAX_ID_BYTES) {
      this.#state = 'done';
      return;
    }
    if (this.#state === 'id-string') {
      if (this.#escaped) this.#escaped = false;
      else if (b === BACKSLASH) this.#escaped = true;
      else if (b === QUOTE && this.#id.length > 1) this.#finish();
    }
  }

  #finish(): void {
    this.#state = 'done';
    try {
      const value = JSON.parse(new TextDecoder().decode(new Uint8Array(this.#id))) as unknown;
      if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) this.#found = value;
    } catch {
      // Not a valid string or number: no id.
    }
  }
}

function sameBytes(a: number[] | undefined, b: number[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The top-level id of a message given whole (tests, small inputs). */
export function scanId(text: string): string | number | undefined {
  const scanner = new IdScanner();
  scanner.feed(new TextEncoder().encode(text));
  return scanner.id;
}
