// At startup, verifies the captures a crash left behind: acknowledged (stored before the 2xx)
// but killed before verification ran, so they would stay `unverified` with no checks forever.
import type { EngineEvent } from '../../../shared/events';
import { reverifyStored, type VerifyDeps } from './verify-and-save';

export async function verifyLeftovers(
  deps: VerifyDeps,
  emit: (event: EngineEvent) => void,
  isOpen: () => boolean,
): Promise<number> {
  let n = 0;
  for (const id of deps.captures.neverVerifiedIds()) {
    if (!isOpen()) break;
    const result = await reverifyStored(deps, id);
    if (!result) continue;
    n++;
    emit({ type: 'capture-updated', capture: result.summary });
  }
  return n;
}
