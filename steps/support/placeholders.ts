// What the run-time placeholders of expected text (expected_text.ts) stand for
// in one scenario: the target's version, and on a StarRocks cluster its BEs and
// the scenario's transaction id.

import { starrocks } from '../starrocks/support/session.ts';
import type { PlaceholderContext } from './expected_text.ts';
import type { OlapWorld } from './world.ts';

export function placeholdersOf(world: OlapWorld): PlaceholderContext {
  return {
    version: world.target.version,
    ...(world.target.starrocks ? { bes: () => starrocks(world).beHostPorts(), txn: () => starrocks(world) } : {}),
  };
}
