// The texts a check can name: the body and its parts, the error it holds, a
// header, a value of JSON (json_subjects.ts), what the Web UI shows, a value of
// a StarRocks cluster (starrocks/support/subjects.ts). Every check on text is
// "<subject> is / is like / is not / contains / matches / has a line …"
// (steps/text_steps.ts), so each subject is read here once and compared the
// same way as every other.

import { decodeNativeBlocks } from '../../lib/compression/native-blocks.ts';
import { pageFor } from './browser.ts';
import { parseClickHouseError, type ClickHouseError } from './clickhouse_error.ts';
import { decompressedWith } from './codecs.ts';
import { shown } from './json_path.ts';
import { JSON_SUBJECTS } from './json_subjects.ts';
import { oneConnectionAnswers } from './one_connection.ts';
import { playView } from './play_dom.ts';
import type { RawResponse } from './raw_http.ts';
import { streamedException, type StreamedException } from './stream_exception.ts';
import type { OlapWorld } from './world.ts';
import { STARROCKS_SUBJECTS } from '../starrocks/support/subjects.ts';

export interface Subject {
  /** As the step names it, for the failure message. */
  name: string;
  /** The text; undefined when there is none (a header the answer lacks). */
  read(world: OlapWorld): Promise<string | undefined>;
  /** What "is" and "is not" compare, of both sides. */
  same?(text: string): string;
}

const TAG_HEADER = 'x-clickhouse-exception-tag';

const body = (world: OlapWorld) => world.response.body.toString('utf8');

/** The error the body is; looking at it counts as looking at the outcome. */
export function errorOf(world: OlapWorld): ClickHouseError {
  world.outcomeChecked = true;
  const text = body(world);
  const parsed = parseClickHouseError(text);
  if (!parsed) throw new Error(`the body is not a ClickHouse error: ${JSON.stringify(text.slice(0, 400))}`);
  return parsed;
}

/** The error at the end of the body, in whichever framing the server uses (support/stream_exception.ts). */
export function streamedError(world: OlapWorld): StreamedException {
  world.outcomeChecked = true;
  const found = streamedException(world.response.body, world.response.headers[TAG_HEADER]);
  if (!found) throw new Error(`the body does not end with a ClickHouse error: …${JSON.stringify(body(world).slice(-400))}`);
  return found;
}

/** ClickHouse adds a final period to messages that lack one: the same message either way. */
const withoutPeriod = (text: string) => text.replace(/\.$/, '');
/** Some versions of the page set the text with innerText, which turns line ends into <br>. */
const withoutFinalNewlines = (text: string) => text.replace(/\n+$/, '');

const FIELDS: Record<string, string> = { query: '#query', user: '#user', password: '#password', server: '#url' };

export type SubjectMaker = (parts: string[]) => Omit<Subject, 'name'>;

// Each pattern names its parts with capture groups; the parameter type uses them without.
const SUBJECTS: [RegExp, SubjectMaker][] = [
  [/the body/, () => ({ read: async (w) => body(w) })],
  [/the last line of the body/, () => ({
    // A last line may lack its line end.
    read: async (w) => {
      const text = body(w).replace(/\n$/, '');
      return text.slice(text.lastIndexOf('\n') + 1);
    },
  })],
  [/the body decompressed with ([\w-]+)/, ([method]) => ({
    read: async (w) => (await decompressedWith(method!, w.response.body)).toString('utf8'),
  })],
  [/the body decoded from native compressed blocks/, () => ({
    read: async (w) => decodeNativeBlocks(w.response.body).toString('utf8'),
  })],
  [/the body before the error at its end/, () => ({ read: async (w) => streamedError(w).before })],
  [/the message of the error at the end of the body/, () => ({
    read: async (w) => {
      const error = parseClickHouseError(streamedError(w).text);
      if (!error) throw new Error('the text at the end of the body is not a ClickHouse error');
      return error.message;
    },
    same: withoutPeriod,
  })],
  [/the error message/, () => ({ read: async (w) => errorOf(w).message, same: withoutPeriod })],
  // Error names came with 21.8: an older error has none.
  [/the error name/, () => ({ read: async (w) => errorOf(w).name })],
  [/the status line/, () => ({
    read: async (w) => {
      const line = (w.response as Partial<RawResponse>).statusLine;
      if (line === undefined) throw new Error('only raw requests keep their status line');
      return line;
    },
  })],
  [/the header "([^"]*)"/, ([name]) => ({ read: async (w) => w.response.headers[name!.toLowerCase()] })],
  [/the header "([^"]*)" of answer (\d+)/, ([name, n]) => ({
    read: async (w) => {
      const answers = oneConnectionAnswers.get(w);
      if (!answers) throw new Error('no requests were sent on one connection in this scenario');
      const answer = answers[Number(n) - 1];
      if (!answer) throw new Error(`there is no answer ${n}: the connection carried ${answers.length}`);
      return answer.headers[name!.toLowerCase()];
    },
  })],
  [/the "([^"]*)" of the header "([^"]*)"/, ([key, name]) => ({
    read: async (w) => {
      const value = w.response.headers[name!.toLowerCase()];
      if (value === undefined) throw new Error(`the answer has no header ${name}`);
      const field = (JSON.parse(value) as Record<string, unknown>)[key!];
      return field === undefined ? undefined : shown(field);
    },
  })],
  [/the result text/, () => ({
    read: async (w) => {
      const view = await playView(await pageFor(w));
      if (view.text === undefined) throw new Error(`the page shows no result text${view.error ? `, but an error: ${view.error}` : ''}`);
      return view.text;
    },
    same: withoutFinalNewlines,
  })],
  [/the (query|user|password|server) field/, ([field]) => ({
    read: async (w) => (await pageFor(w)).inputValue(FIELDS[field!]!),
  })],
  [/the error on the page/, () => ({ read: async (w) => (await playView(await pageFor(w))).error ?? '' })],
  // What a person copies to share the query.
  [/the page address/, () => ({ read: async (w) => (await pageFor(w)).url() })],
  [/the parameter "([^"]*)" of the page address/, ([name]) => ({
    read: async (w) => {
      const values = new URL((await pageFor(w)).url()).searchParams.getAll(name!);
      return values.length === 0 ? undefined : values.join('&');
    },
  })],
  ...JSON_SUBJECTS,
  ...STARROCKS_SUBJECTS,
];

/** Every subject, as one regular expression without capture groups. */
export const SUBJECT_PATTERN = SUBJECTS.map(([pattern]) => pattern.source.replace(/\((?!\?)/g, '(?:')).join('|');

export function parseSubject(text: string): Subject {
  for (const [pattern, make] of SUBJECTS) {
    const match = new RegExp(`^(?:${pattern.source})$`).exec(text);
    if (match) return { name: text, ...make(match.slice(1)) };
  }
  throw new Error(`not a text the steps can check: ${JSON.stringify(text)}`);
}
