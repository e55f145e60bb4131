// The errors error-after-rows raises: each one a real ClickHouse exception
// that can strike in the middle of a result, in 26.7's words.
//
// - memory (241 MEMORY_LIMIT_EXCEEDED, the default): the query's memory
//   tracker refusing an allocation (MemoryTracker::allocImpl), as 26.7 words
//   it for a 10 GB max_memory_usage; clients should not retry it as it is.
// - network (210 NETWORK_ERROR): a shard of a Distributed query resetting the
//   connection (ReadBufferFromPocoSocket::nextImpl); usually worth a retry.
// - timeout (209 SOCKET_TIMEOUT): a shard not answering within
//   receive_timeout (300 s), same place; usually worth a retry.

import type { FaultErrorKind } from '../../http/faults/spec.ts';

/** Shaped like the server's coded errors (errors.ts isCoded), so the usual exception path writes it. */
export class InjectedError extends Error {
  code: number;
  codeName: string;
  exceptionClass?: string;

  constructor(code: number, codeName: string, message: string, exceptionClass?: string) {
    super(message);
    this.name = 'InjectedError';
    this.code = code;
    this.codeName = codeName;
    if (exceptionClass !== undefined) this.exceptionClass = exceptionClass;
  }
}

/** The peer a shard would have: an address of this machine that is not the server's own. */
const SHARD = '127.0.0.2:9000';

export function injectedError(kind: FaultErrorKind = 'memory'): InjectedError {
  switch (kind) {
    case 'memory':
      return new InjectedError(241, 'MEMORY_LIMIT_EXCEEDED',
        'Query memory limit exceeded: would use 9.32 GiB (attempt to allocate chunk of 4.00 MiB), maximum: 9.31 GiB. '
        + 'Untracked memory across all threads: 1.02 MiB.');
    case 'network':
      return new InjectedError(210, 'NETWORK_ERROR',
        `Connection reset by peer, while reading from socket (${SHARD}): While executing Remote`, 'DB::NetException');
    case 'timeout':
      return new InjectedError(209, 'SOCKET_TIMEOUT',
        `Timeout exceeded while reading from socket (${SHARD}, 300000 ms): While executing Remote`, 'DB::NetException');
  }
}
