// Cancellation and max_execution_time, checked between blocks and while
// sleep()/sleepEachRow() wait.

import { EngineError } from '../errors.ts';
import type { ExecEnv } from './env.ts';

export function checkInterrupted(env: ExecEnv): void {
  if (env.signal?.aborted) throw new EngineError('QUERY_WAS_CANCELLED', 'Query was cancelled');
  if (env.deadline > 0 && Date.now() > env.deadline) throw timeoutError(env);
}

function timeoutError(env: ExecEnv): EngineError {
  const elapsed = (Date.now() - env.startedAt) / 1000;
  const max = Number(env.settings.get('max_execution_time'));
  return new EngineError('TIMEOUT_EXCEEDED', `Timeout exceeded: elapsed ${elapsed} seconds, maximum: ${max}`);
}

/** Await what sleep/sleepEachRow asked for, honouring cancellation and the deadline. */
export async function performSleep(env: ExecEnv, seconds: number): Promise<void> {
  if (seconds <= 0) return;
  let ms = seconds * 1000;
  let timedOut = false;
  if (env.deadline > 0 && Date.now() + ms > env.deadline) {
    ms = Math.max(0, env.deadline - Date.now());
    timedOut = true;
  }
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new EngineError('QUERY_WAS_CANCELLED', 'Query was cancelled'));
    };
    const timer = setTimeout(() => {
      env.signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    env.signal?.addEventListener('abort', onAbort, { once: true });
  });
  if (timedOut) {
    await new Promise((r) => setTimeout(r, 2));
    throw timeoutError(env);
  }
}
