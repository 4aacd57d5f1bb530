// The "typed" component: world `typed` of ../plain-wit/plain.wit. It does not
// implement wasi:mcp; the host serves each exported function as a tool and
// derives its schema from the WIT (docs/plain-components.md).
//
// Built with componentize-js (SpiderMonkey), whose bindings give u64 and s64
// as BigInt, so 64-bit values round-trip exactly. Every function counts the
// call, and `calls` reports the count: a call the host refused never arrives.

let calls = 0n;
const count = () => {
  calls += 1n;
};

const COLORS = ['red', 'green', 'blue'];

class Tally {
  #value;
  constructor(start) {
    count();
    this.#value = start;
  }
  value() {
    count();
    return this.#value;
  }
}

export const ops = {
  Tally,
  distance(a, b) {
    count();
    return Math.hypot(a.x - b.x, a.y - b.y);
  },
  area(s) {
    count();
    if (s.tag === 'circle') return Math.PI * s.val * s.val;
    if (s.tag === 'rectangle') return Math.abs(s.val.x * s.val.y);
    return 0;
  },
  echo(value) {
    count();
    return value;
  },
  echoIntegers(value) {
    count();
    return value;
  },
  divide(a, b) {
    count();
    if (b === 0) throw 'division by zero';
    return Math.trunc(a / b);
  },
  checkEven(n) {
    count();
    if (n % 2 !== 0) throw { code: 422, reason: `${n} is odd` };
    return n;
  },
  nextColor(c) {
    count();
    return COLORS[(COLORS.indexOf(c) + 1) % COLORS.length];
  },
  grantWrite(p) {
    count();
    return { ...p, write: true };
  },
  swap([text, number]) {
    count();
    return [number, text];
  },
  maybeGreet(name) {
    count();
    return name === undefined ? undefined : `hello, ${name}`;
  },
  firstChar(text) {
    count();
    const first = [...text][0];
    return first;
  },
  sum(values) {
    count();
    return values.reduce((a, b) => a + b, 0);
  },
  reverseBytes(data) {
    count();
    return Uint8Array.from(data).reverse();
  },
  calls() {
    count();
    return calls;
  },
  nothing() {
    count();
  },
  openTally(start) {
    return new Tally(start);
  },
  readTally(t) {
    count();
    return t.value();
  },
};

export function greet(name) {
  count();
  return `Hello, ${name}!`;
}
