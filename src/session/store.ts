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

/** A bound on the bytes a ListStore holds, by a size it is told of each item. */
export interface ByteBudget<T> {
  maxBytes: number;
  sizeOf(item: T): number;
}

/**
 * An append-only list with a capacity (oldest items are dropped), and if
 * given a byte budget, a bound on the total size of its items (oldest dropped
 * too, the newest always kept), that tells its readers at most once per
 * `delayMs`, so a burst of thousands of messages costs one render, not
 * thousands.
 */
export class ListStore<T> extends Store<ListSnapshot<T>> {
  readonly capacity: number;
  readonly #delayMs: number;
  readonly #budget: ByteBudget<T> | undefined;
  readonly #items: T[] = [];
  #bytes = 0;
  #total = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(capacity: number, delayMs = 16, budget?: ByteBudget<T>) {
    super({ items: [], total: 0 });
    this.capacity = capacity;
    this.#delayMs = delayMs;
    this.#budget = budget;
  }

  push(item: T): void {
    this.#items.push(item);
    this.#total += 1;
    let drop = Math.max(0, this.#items.length - this.capacity);
    if (this.#budget) {
      const { maxBytes, sizeOf } = this.#budget;
      this.#bytes += sizeOf(item);
      for (let i = 0; i < drop; i++) this.#bytes -= sizeOf(this.#items[i]!);
      while (this.#bytes > maxBytes && drop < this.#items.length - 1) this.#bytes -= sizeOf(this.#items[drop++]!);
    }
    if (drop > 0) this.#items.splice(0, drop);
    this.#timer ??= setTimeout(() => this.flush(), this.#delayMs);
  }

  clear(): void {
    this.#items.length = 0;
    this.#bytes = 0;
    this.flush();
  }

  /** Publishes what was appended since the last snapshot. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.set({ items: this.#items, total: this.#total });
  }
}
