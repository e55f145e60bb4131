// The parameter types of the ClickHouse steps: the words that vary in a step
// and mean the same wherever they appear, so that one step serves every way a
// scenario can say it.

import { defineParameterType } from '@cucumber/cucumber';
import { BODY_ENCODING_PATTERN, parseBodyEncoding } from './support/codecs.ts';
import { CREDENTIALS_PATTERN, parseCredentials } from './support/credentials.ts';
import { parseSubject, SUBJECT_PATTERN } from './support/subjects.ts';

// GET, POST, HEAD…: what the request line says.
defineParameterType({ name: 'method', regexp: /GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH/, transformer: (method: string) => method });

// `as "u" with the password "p" in HTTP basic authentication`, `with the credentials in …` (support/credentials.ts).
defineParameterType({ name: 'credentials', regexp: new RegExp(CREDENTIALS_PATTERN), transformer: parseCredentials });

// `the body`, `the error message`, `the header "X"`… (support/subjects.ts).
defineParameterType({ name: 'subject', regexp: new RegExp(SUBJECT_PATTERN), transformer: parseSubject });

// `compressed with br`, `in native blocks compressed with lz4`… (support/codecs.ts).
defineParameterType({ name: 'body_encoding', regexp: new RegExp(BODY_ENCODING_PATTERN), transformer: parseBodyEncoding });

export interface Count {
  atLeast: boolean;
  n: number;
}

// `3` or `at least 3`.
defineParameterType({
  name: 'count',
  regexp: /at least \d+|\d+/,
  transformer: (text: string): Count => ({ atLeast: text.startsWith('at least '), n: Number(text.replace('at least ', '')) }),
});

export type ErrorFraming = 'appended' | 'marked' | 'tagged';

export interface ErrorEnding {
  framing: ErrorFraming;
  code: number;
}

// How an error that comes after the answer began ends the body, by version (support/stream_exception.ts).
const ENDINGS: [string, ErrorFraming][] = [
  ['a ClickHouse error with code ', 'appended'],
  ['an "__exception__" line and then a ClickHouse error with code ', 'marked'],
  ['an exception block framed with the answer\'s X-ClickHouse-Exception-Tag, with code ', 'tagged'],
];

defineParameterType({
  name: 'error_ending',
  regexp: new RegExp(ENDINGS.map(([words]) => `${words}\\d+`).join('|')),
  transformer: (text: string): ErrorEnding => {
    const [words, framing] = ENDINGS.find(([start]) => text.startsWith(start))!;
    return { framing, code: Number(text.slice(words.length)) };
  },
});
