// The parameter types of every step: the words that vary in a step and mean
// the same wherever they appear, so that one step serves every way a scenario
// can say it. Those whose pattern starts with a space are optional: a step
// reads the same with them or without (`I GET "/ping"`, `I GET "/" on the FE
// without credentials`).

import { defineParameterType } from '@cucumber/cucumber';
import { BODY_ENCODING_PATTERN, parseBodyEncoding } from './support/codecs.ts';
import { CREDENTIALS_PATTERN, parseCredentials } from './support/credentials.ts';
import { parseSubject, SUBJECT_PATTERN } from './support/subjects.ts';
import { JSON_KIND_PATTERN, JSON_NODE_PATTERN, parseJsonKind, parseJsonNode } from './support/json_checks.ts';
import type { NodeKind } from './starrocks/support/nodes.ts';

// GET, POST, HEAD…: what the request line says.
defineParameterType({ name: 'method', regexp: /GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH/, transformer: (method: string) => method });

// FE, BE or CN: a node of the StarRocks cluster, where the step needs one.
defineParameterType({ name: 'starrocks_node', regexp: /FE|BE|CN/, transformer: (kind: string) => kind as NodeKind });

/** Which server a request goes to: ClickHouse's HTTP port, or a node of the StarRocks cluster. */
export interface Endpoint {
  /** Undefined: ClickHouse. */
  node?: NodeKind;
  /** For the FE: send from an address the FE counts as one of its own hosts, or from one it does not. */
  from?: 'fe-host' | 'other-host';
}

// ` on the FE`, ` on the BE`, ` on the CN`, ` on the FE from an FE host`…; nothing for ClickHouse.
defineParameterType({
  name: 'endpoint',
  regexp: /(?: on the (?:FE(?: from an FE host| from a host that is not an FE)?|BE|CN))?/,
  transformer: (text: string | undefined): Endpoint => {
    const match = /^ on the (FE|BE|CN)(?: from (an FE host|a host that is not an FE))?$/.exec(text ?? '');
    if (!match) return {};
    return { node: match[1] as NodeKind, ...(match[2] ? { from: match[2] === 'an FE host' ? 'fe-host' : 'other-host' } : {}) };
  },
});

// ` as "u" with the password "p" in HTTP basic authentication`, ` without credentials`… (support/credentials.ts).
defineParameterType({ name: 'credentials', regexp: new RegExp(CREDENTIALS_PATTERN), transformer: parseCredentials });

// ` compressed with br`, ` in native blocks compressed with lz4`… (support/codecs.ts); nothing for the body as it is.
defineParameterType({ name: 'body_encoding', regexp: new RegExp(`(?: (?:${BODY_ENCODING_PATTERN}))?`), transformer: parseBodyEncoding });

// ` with the URL parameters "a=1&b=2"`: added to the query string of a query's request.
defineParameterType({
  name: 'url_parameters',
  regexp: /(?: with the URL parameters "[^"]*")?/,
  transformer: (text: string | undefined) => /"([^"]*)"/.exec(text ?? '')?.[1] ?? '',
});

// ` over GET`: the query goes in the URL instead of the POST body.
defineParameterType({ name: 'over_get', regexp: /(?: over GET)?/, transformer: (text: string | undefined) => Boolean(text) });

// `the body`, `the error message`, `the header "X"`, `the JSON field "a.b"`… (support/subjects.ts).
defineParameterType({ name: 'subject', regexp: new RegExp(SUBJECT_PATTERN), transformer: parseSubject });

// `the JSON body`, `the JSON field "x"`, `every JSON field`… and what they are: `a number`, `an empty array`… (support/json_checks.ts).
defineParameterType({ name: 'json_node', regexp: new RegExp(JSON_NODE_PATTERN), transformer: parseJsonNode });
defineParameterType({ name: 'json_kind', regexp: new RegExp(JSON_KIND_PATTERN), transformer: parseJsonKind });

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
