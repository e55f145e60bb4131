// Null: the query runs and the result is discarded.

import type { OutputFormat } from './types.ts';

const nullOutput: OutputFormat = {
  name: 'Null',
  contentType: () => 'text/plain; charset=UTF-8',
  create: () => ({ prefix: () => '', block: () => '', suffix: () => '' }),
};

export const nullOutputs: OutputFormat[] = [nullOutput];
