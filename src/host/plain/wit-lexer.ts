/**
 * Tokens of WIT text as jco's printer writes it: identifiers (a leading `%`
 * dropped), versions and numbers, punctuation, `->`. `///` doc comments are
 * kept and attached to the token that follows them; other comments are
 * skipped.
 */

export interface Token {
  text: string;
  /** The `///` lines right before this token, joined. */
  docs?: string;
  /** Offset in the text, for error messages. */
  at: number;
}

const IDENT = /[%]?[A-Za-z][A-Za-z0-9-]*/y;
// A number or a version (`0.2.12`, `1.0.0-rc.1`); a dot only between parts, so `@0.2.12.{a}` splits before `.{`.
const NUMBER = /[0-9][0-9A-Za-z+-]*(?:\.[0-9A-Za-z+-]+)*/y;
const SPACE = /\s+/y;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let docs: string[] = [];
  let at = 0;
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = at;
    const m = re.exec(text);
    return m ? m[0] : undefined;
  };
  while (at < text.length) {
    const space = match(SPACE);
    if (space) {
      at += space.length;
      continue;
    }
    if (text.startsWith('///', at)) {
      const end = text.indexOf('\n', at);
      docs.push(text.slice(at + 3, end < 0 ? text.length : end).trim());
      at = end < 0 ? text.length : end;
      continue;
    }
    if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end;
      continue;
    }
    if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      at = end < 0 ? text.length : end + 2;
      continue;
    }
    const start = at;
    let token = match(IDENT) ?? match(NUMBER);
    if (token === undefined) token = text.startsWith('->', at) ? '->' : text[at];
    at += token.length;
    const entry: Token = { text: token.startsWith('%') ? token.slice(1) : token, at: start };
    if (docs.length > 0) entry.docs = docs.join('\n');
    docs = [];
    tokens.push(entry);
  }
  return tokens;
}
