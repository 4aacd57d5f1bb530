/** A Monarch grammar for WIT, enough to colour a printed world (keywords, types, comments, annotations). */
import type * as Monaco from 'monaco-editor/editor';

const KEYWORDS = [
  'package', 'world', 'interface', 'import', 'export', 'use', 'type', 'record', 'variant', 'enum', 'flags',
  'resource', 'func', 'static', 'constructor', 'include', 'with', 'as', 'from', 'borrow', 'own', 'async',
];
const TYPES = [
  'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'f32', 'f64', 'float32', 'float64', 'char', 'bool',
  'string', 'list', 'option', 'result', 'tuple', 'future', 'stream', 'error-context',
];

export function registerWit(monaco: typeof Monaco): void {
  monaco.languages.register({ id: 'wit', extensions: ['.wit'], aliases: ['WIT'] });
  monaco.languages.setLanguageConfiguration('wit', {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [['{', '}'], ['(', ')'], ['<', '>']],
  });
  monaco.languages.setMonarchTokensProvider('wit', {
    keywords: KEYWORDS,
    typeKeywords: TYPES,
    tokenizer: {
      root: [
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/@[a-z-]+/, 'annotation'],
        [/%?[a-z][a-z0-9-]*/, { cases: { '@keywords': 'keyword', '@typeKeywords': 'type', '@default': 'identifier' } }],
        [/[0-9]+(\.[0-9]+)*/, 'number'],
        [/[{}()<>]/, '@brackets'],
        [/->|[:;,=.@/]/, 'delimiter'],
      ],
      comment: [
        [/[^/*]+/, 'comment'],
        [/\*\//, 'comment', '@pop'],
        [/[/*]/, 'comment'],
      ],
    },
  });
}
