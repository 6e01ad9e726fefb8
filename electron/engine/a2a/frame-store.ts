// Storing one SSE exchange's frames as they arrive: each chunk of frames is one batched insert,
// linted frame by frame by the exchange's stream linter (lint at ingest), its findings stored
// beside the frames (same transaction as the caller's), and handed back as timeline events with
// their findings attached, ready to emit. The stream's end adds the whole-stream findings.
// Invariant: stored findings equal lintStream over the stored frames (test/unit/a2a/lint-ingest).
import { createStreamLinter, type LintFrame, type LintHeader } from '../../../shared/a2a/lint';
import type { Finding, NormalizedEvent, TimelineEvent } from '../../../shared/a2a/types';
import type { Db } from '../store/open-store';
import type { A2aFindingsRepo } from '../store/a2a-findings-repo';
import type { A2aWireRepo, NewFrame } from '../store/a2a-wire-repo';
import { frameToTimeline, type FrameMeta } from './frame-record';

export interface ParsedFrame {
  row: NewFrame;
  event: NormalizedEvent | null;
  meta: FrameMeta;
}

export interface FrameStoreDeps {
  db: Db;
  wire: A2aWireRepo;
  findings: A2aFindingsRepo;
}

function lintFrameOf(id: number, p: Pick<ParsedFrame, 'event' | 'meta'>): LintFrame {
  const problem = p.meta.problem;
  return { id, data: null, parsed: { event: p.event, ...(problem ? { problem } : {}) } };
}

export function createFrameStore(d: FrameStoreDeps, exchangeId: number, header: LintHeader) {
  const linter = createStreamLinter(header);
  d.db.transaction(() => {
    d.findings.add(exchangeId, linter.opening);
    d.findings.markLinted(exchangeId);
  })();
  return {
    /** Findings about the stream known before its first frame (emit them with the first chunk). */
    opening: linter.opening,
    /** Stores the frames (inside the caller's transaction); their timeline events. */
    store(frames: ParsedFrame[]): TimelineEvent[] {
      const ids = d.wire.insertFrames(frames.map((f) => f.row));
      const out: TimelineEvent[] = new Array<TimelineEvent>(frames.length);
      for (let i = 0; i < frames.length; i++) {
        const f = frames[i] as ParsedFrame;
        const id = ids[i] as number;
        const found = linter.push(lintFrameOf(id, f));
        const e = frameToTimeline({ ...f.row, id }, f.meta);
        if (found.length) {
          d.findings.add(exchangeId, found);
          e.findings = found;
        }
        out[i] = e;
      }
      return out;
    },
    /** The stream closed: stores and returns the whole-stream findings. */
    end(ended: 'complete' | 'disconnected' | 'error', truncatedTail: boolean): Finding[] {
      const found = linter.end(ended, truncatedTail);
      d.findings.add(exchangeId, found);
      return found;
    },
  };
}
