// Where a capture came from, in words: live (the receiver), replay (Switchboard replayed it to
// itself) or import (a HAR file). Live rows show no chip, so the others stand out.
import type { CaptureOrigin } from '../../../shared/model';

export const ORIGIN_WORDS: Record<CaptureOrigin, string> = {
  receiver: 'live',
  replay: 'replay',
  import: 'import',
};

export function OriginChip({ origin }: { origin: CaptureOrigin }) {
  if (origin === 'receiver') return null;
  return (
    <span className={`origin-chip origin-${origin}`} data-testid="origin-chip" data-origin={origin}>
      {ORIGIN_WORDS[origin]}
    </span>
  );
}
