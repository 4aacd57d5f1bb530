/**
 * State outside React: a store is a typed EventTarget holding one immutable
 * snapshot; React reads each store through one hook (src/ui/hooks).
 */
export class Store<T> extends EventTarget {
  #value: T;

  constructor(initial: T) {
    super();
    this.#value = initial;
  }

  get value(): T {
    return this.#value;
  }

  protected set(value: T): void {
    this.#value = value;
    this.dispatchEvent(new Event('change'));
  }

  protected update(change: (value: T) => T): void {
    this.set(change(this.#value));
  }

  /** For useSyncExternalStore: returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.addEventListener('change', listener);
    return () => this.removeEventListener('change', listener);
  };
}

/** A store whose snapshot is replaced wholesale by anyone holding it. */
export class ValueStore<T> extends Store<T> {
  override set(value: T): void {
    super.set(value);
  }

  override update(change: (value: T) => T): void {
    super.update(change);
  }
}

export interface ListSnapshot<T> {
  /** Shared and appended to in place; read it during render only. */
  readonly items: readonly T[];
  /** How many items were ever appended (the first `total - items.length` were dropped). */
  readonly total: number;
}

/**
 * An append-only list with a capacity (oldest items are dropped) that tells
 * its readers at most once per `delayMs`, so a burst of thousands of messages
 * costs one render, not thousands.
 */
export class ListStore<T> extends Store<ListSnapshot<T>> {
  readonly capacity: number;
  readonly #delayMs: number;
  readonly #items: T[] = [];
  #total = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(capacity: number, delayMs = 16) {
    super({ items: [], total: 0 });
    this.capacity = capacity;
    this.#delayMs = delayMs;
  }

  push(item: T): void {
    this.#items.push(item);
    this.#total += 1;
    if (this.#items.length > this.capacity) this.#items.splice(0, this.#items.length - this.capacity);
    this.#timer ??= setTimeout(() => this.flush(), this.#delayMs);
  }

  clear(): void {
    this.#items.length = 0;
    this.flush();
  }

  /** Publishes what was appended since the last snapshot. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.set({ items: this.#items, total: this.#total });
  }
}
